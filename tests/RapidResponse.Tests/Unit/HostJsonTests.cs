using System.Text.Json;
using RapidResponse.Channels;
using RapidResponse.LocalHost.Hosting;

namespace RapidResponse.Tests.Unit;

/// <summary>host.json's queue settings stay within the bounds docs/OPERATIONS.md explains.</summary>
public sealed class HostJsonTests
{
    private static readonly QueueHostOptions Settings = QueueHostOptions.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

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
        Assert.InRange(Settings.FunctionTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
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
        Assert.True(Settings.FunctionTimeout > SendResilience.TotalTimeout, "A send could be cut off by the function timeout.");

    [Theory]
    [InlineData("Azure.Core")]
    [InlineData("System.Net.Http.HttpClient")]
    public void SdkRequestLogs_StayAtWarningOrAbove(string category)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var level = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel").GetProperty(category).GetString();
        Assert.Contains(level, new[] { "Warning", "Error", "Critical", "None" });
    }

    [Fact]
    public void TheHostEmitsOpenTelemetry_SoItsSpansAndTheWorkersAreOneTrace()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        Assert.Equal("OpenTelemetry", hostJson.RootElement.GetProperty("telemetryMode").GetString(), ignoreCase: true);
    }
}
