using System.Text.Json;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using RapidResponse.Channels;
using RapidResponse.LocalHost.Hosting;

namespace RapidResponse.Tests.Unit;

/// <summary>host.json's queue settings, as the Storage queue extension binds them, stay within the bounds docs/OPERATIONS.md explains.</summary>
public sealed class HostJsonTests
{
    private static readonly HostJson HostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
    private static readonly QueuesOptions Settings = Bind(HostJson);

    [Fact]
    public void Polling_WakesWithinASecond() =>
        Assert.InRange(Settings.MaxPollingInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    [Fact]
    public void Retries_OutlastASixtySecondProviderOutage_BeforeAnythingIsPoisoned()
    {
        // Each failed attempt is hidden for visibilityTimeout; the attempts before the poison queue must span the outage.
        var covered = Settings.VisibilityTimeout * (Settings.MaxDequeueCount - 1);
        Assert.True(covered >= TimeSpan.FromSeconds(90), $"Only {covered} of retries before poisoning.");
        Assert.InRange(Settings.VisibilityTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Batches_AreBoundedForTheTwoCoreInstances()
    {
        Assert.InRange(Settings.BatchSize, 1, 32);
        Assert.InRange(Settings.NewBatchThreshold, 0, Settings.BatchSize);
        Assert.InRange(HostJson.FunctionTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void AMessageWhoseAlertWasNeverStored_EndsBeforeItsRetriesRunOut()
    {
        // The fan-out drops such a message once the press is NeverAcceptedAfter old; it must not reach the poison queue first.
        var retries = Settings.VisibilityTimeout * (Settings.MaxDequeueCount - 1);
        Assert.True(RapidResponse.Dispatch.FanOutService.NeverAcceptedAfter + TimeSpan.FromSeconds(15) < retries, $"{retries} of retries");
        Assert.True(RapidResponse.Dispatch.FanOutService.NeverAcceptedAfter > RapidResponse.Alerts.AlertIntake.WriteTimeout * 2);
    }

    [Fact]
    public void FunctionTimeout_OutlastsASend() =>
        Assert.True(HostJson.FunctionTimeout > SendResilience.TotalTimeout, "A send could be cut off by the function timeout.");

    [Fact]
    public void Messages_AreBase64_AsTheWorkerWritesThem() =>
        Assert.Equal(Azure.Storage.Queues.QueueMessageEncoding.Base64, Settings.MessageEncoding);

    [Fact]
    public void AzureFunctionsJobHostSettings_OverrideHostJson_AsOnTheHost()
    {
        var overrides = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "",
        }).Build();

        var overridden = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), overrides);

        Assert.Equal(2, Bind(overridden).MaxDequeueCount);
        Assert.Equal(Settings.BatchSize, Bind(overridden).BatchSize);
        Assert.Equal("", overridden.RoutePrefix);
        Assert.Equal("api", HostJson.RoutePrefix);
    }

    [Theory]
    [InlineData("Azure.Core")]
    [InlineData("System.Net.Http.HttpClient")]
    public void SdkRequestLogs_StayAtWarningOrAbove(string category)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var level = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel").GetProperty(category).GetString();
        Assert.Contains(level, new[] { "Warning", "Error", "Critical", "None" });
    }

    private static QueuesOptions Bind(HostJson hostJson)
    {
        var options = new QueuesOptions();
        hostJson.Queues.Bind(options);
        return options;
    }

    [Fact]
    public void TheHostEmitsOpenTelemetry_SoItsSpansAndTheWorkersAreOneTrace()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        Assert.Equal("OpenTelemetry", hostJson.RootElement.GetProperty("telemetryMode").GetString(), ignoreCase: true);
    }
}
