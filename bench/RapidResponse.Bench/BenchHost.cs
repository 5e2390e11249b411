using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using RapidResponse.Contacts;
using RapidResponse.Escalation;
using RapidResponse.LocalHost;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.Organizers;

namespace RapidResponse.Bench;

/// <summary>
/// The local host started in this process with its embedded Azurite and recording stand-ins, as the benchmark
/// drives it: over real HTTP on a free loopback port, the stand-ins slowed to a provider's latency.
/// </summary>
public sealed class BenchHost : IStormTarget, IAsyncDisposable
{
    private int phones = 1_000_000;

    private BenchHost(LocalHostApp app, SmsArrivals arrivals)
    {
        App = app;
        Arrivals = arrivals;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = app.BaseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public LocalHostApp App { get; }

    public SmsArrivals Arrivals { get; }

    public HttpClient Client { get; }

    public IReadOnlyList<HttpClient> Entries => [Client];

    public static async Task<BenchHost> StartAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var settings = Settings(options);
        settings["urls"] = $"http://127.0.0.1:{FreePorts.Next()}";

        // Console logging of every send is a development nicety, not part of the service: warnings and errors only.
        var app = await LocalHostApp.StartAsync([], settings, logging => logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning), cancellationToken);
        app.StandIns.Latency = options.StandInLatency;
        return new BenchHost(app, new SmsArrivals(app.StandIns));
    }

    /// <summary>The settings every bench host runs with, in-process or not: the send rate and no flood brake.</summary>
    public static Dictionary<string, string?> Settings(BenchOptions options) => new(options.HostSettings)
    {
        ["Twilio:MessagesPerSecond"] = options.MessagesPerSecond.ToString(CultureInfo.InvariantCulture),

        // One bench organizer raises every alert: the per-organizer flood brake would measure itself, not the service.
        ["RapidResponse:PressBurst"] = "100000",
        ["RapidResponse:PressesPerMinute"] = "100000",
    };

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A new organizer for <paramref name="region"/>; returns its bearer token.</summary>
    public async Task<string> NewOrganizerAsync(string region, CancellationToken cancellationToken)
    {
        var created = await Service<OrganizerAdmin>().CreateAsync(RapidResponse.Security.CoordinatorCaller.Admin, new NewOrganizerRequest("Bench organizer", [region], null, null), cancellationToken);
        return created.Value?.Token ?? throw new InvalidOperationException($"Could not create an organizer: {created.Problem?.Detail}");
    }

    /// <summary>Seeds <paramref name="count"/> active tier-1 lawyers with SMS numbers no other lawyer has; returns the numbers.</summary>
    public async Task<IReadOnlyList<string>> SeedLawyersAsync(string region, int count, CancellationToken cancellationToken)
    {
        var lawyers = Enumerable.Range(0, count).Select(i =>
        {
            var phone = "+7702" + Interlocked.Increment(ref phones).ToString("D7", CultureInfo.InvariantCulture);
            return new Contact($"bench-{i:D5}", region, $"Lawyer{i} Bench", ContactRole.Lawyer, 1, phone, null, "en", true);
        }).ToList();
        // Nobody acknowledges a bench alert: without this, each would escalate to calls 2 minutes on, while a later
        // phase is measured. The bench measures alerts, not their escalations.
        await Task.WhenAll(
            Service<ContactStore>().PutManyAsync(lawyers, cancellationToken),
            Service<EscalationPolicyStore>().PutAsync(new EscalationPolicy(region, []), cancellationToken));
        return lawyers.Select(l => l.Phone!).ToList();
    }

    /// <summary>Seeds <paramref name="count"/> active tier-1 NGOs reached by email; returns their addresses.</summary>
    public async Task<IReadOnlyList<string>> SeedNgosAsync(string region, int count, CancellationToken cancellationToken)
    {
        var ngos = Enumerable.Range(0, count).Select(i => new Contact(
            $"bench-ngo-{i:D5}", region, $"Ngo{i} Bench", ContactRole.Ngo, 1, null,
            $"ngo{i}.{region.ToLowerInvariant()}@bench.example.org", "en", true)).ToList();
        await Service<ContactStore>().PutManyAsync(ngos, cancellationToken);
        return ngos.Select(n => n.Email!).ToList();
    }

    /// <summary>A new organizer for several regions; returns its bearer token.</summary>
    public async Task<string> NewOrganizerAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var created = await Service<OrganizerAdmin>().CreateAsync(RapidResponse.Security.CoordinatorCaller.Admin, new NewOrganizerRequest("Bench organizer", [.. regions], null, null), cancellationToken);
        return created.Value?.Token ?? throw new InvalidOperationException($"Could not create an organizer: {created.Problem?.Detail}");
    }

    /// <summary>Azurite's node processes (tables, queues), found by the ports they were started with (those readable).</summary>
    public IReadOnlyList<int> AzuriteProcessIds() =>
        new[] { "TableEndpoint=", "QueueEndpoint=" }
            .Select(endpoint => ProcStats.ChildListeningOn(Environment.ProcessId, StoragePort(endpoint)))
            .OfType<int>()
            .ToList();

    public async ValueTask DisposeAsync()
    {
        Arrivals.Dispose();
        Client.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>The port of Azurite's table or queue service (<c>TableEndpoint=</c>, <c>QueueEndpoint=</c>).</summary>
    public string StoragePort(string endpoint)
    {
        var connection = App.App.Configuration["AzureWebJobsStorage"] ?? "";
        var url = connection.Split(';').FirstOrDefault(p => p.StartsWith(endpoint, StringComparison.Ordinal)) ?? "";
        return url.Length == 0 ? "" : new Uri(url[endpoint.Length..]).Port.ToString(CultureInfo.InvariantCulture);
    }
}
