using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using RapidResponse.Telemetry;

namespace RapidResponse.Tests.Unit;

/// <summary>
/// What the exported traces hold. Under the Functions host the host records each HTTP request, so the worker leaves
/// ASP.NET Core's request spans out (else every request counts twice); on the local host they are the requests.
/// </summary>
public sealed class TelemetryRegistrationTests
{
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void AspNetCoreRequestSpans_AreExported_OnlyWhenTheHostDoesNotRecordRequests(bool hostRecordsRequests, bool exported)
    {
        var seen = Export(hostRecordsRequests, "Microsoft.AspNetCore", RapidResponseTelemetry.Name);

        Assert.Equal(exported, seen.Contains("Microsoft.AspNetCore"));
        Assert.Contains(RapidResponseTelemetry.Name, seen);
    }

    [Fact]
    public void NothingIsRegistered_WithoutAConnectionString()
    {
        var services = new ServiceCollection();
        services.AddRapidResponseTelemetry(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<TracerProvider>());
    }

    /// <summary>Starts one span from each source and returns the sources whose spans reached the exporting pipeline.</summary>
    private static HashSet<string> Export(bool hostRecordsRequests, params string[] sources)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.ConnectionStringKey] = ConnectionString })
            .Build();
        var seen = new Recorder();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRapidResponseTelemetry(configuration);
        services.Configure<TelemetryHostOptions>(options => options.HostRecordsRequests = hostRecordsRequests);
        services.Configure<Azure.Monitor.OpenTelemetry.Exporter.AzureMonitorExporterOptions>(options => options.DisableOfflineStorage = true);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(seen));

        using (var provider = services.BuildServiceProvider())
        {
            _ = provider.GetRequiredService<TracerProvider>();
            var marker = Guid.NewGuid().ToString("N");
            foreach (var name in sources)
            {
                using var source = new ActivitySource(name);
                using var activity = source.StartActivity(marker);
            }

            return seen.Sources(marker);
        }
    }

    private sealed class Recorder : BaseProcessor<Activity>
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<Activity> ended = [];

        public override void OnEnd(Activity data) => ended.Add(data);

        public HashSet<string> Sources(string marker) =>
            ended.Where(a => a.OperationName == marker).Select(a => a.Source.Name).ToHashSet();
    }
}
