using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.StandIns;
using RapidResponse.LocalHost.Storage;
using RapidResponse.Security;

namespace RapidResponse.Bench;

/// <summary>
/// Several local-host processes of the bench's build on one Azurite, sending to one set of recording stand-ins in
/// the bench's process, all drawing on one send budget (<c>Twilio:MessagesPerSecond</c>): the service scaled out.
/// Contacts and organizers are made through the first instance's admin API, as an operator would.
/// </summary>
public sealed class BenchInstances : IStormTarget, IAsyncDisposable
{
    private readonly Azurite azurite;
    private readonly StandInServer standIns;
    private readonly List<HostProcess> hosts = [];
    private readonly List<HttpClient> entries = [];
    private readonly string adminKey = SecretHasher.NewSecret();
    private int phones = 1_000_000;

    private BenchInstances(Azurite azurite, StandInServer standIns)
    {
        this.azurite = azurite;
        this.standIns = standIns;
        Arrivals = new SmsArrivals(standIns.Recorder);
    }

    public SmsArrivals Arrivals { get; }

    public IReadOnlyList<HttpClient> Entries => entries;

    /// <summary>The instances' process ids, in start order.</summary>
    public IReadOnlyList<int> ProcessIds => hosts.Select(h => h.Id).ToList();

    /// <summary>Starts Azurite, the stand-ins and <paramref name="count"/> host processes (logging to <see cref="BenchLogs"/>).</summary>
    public static async Task<BenchInstances> StartAsync(BenchOptions options, int count, string phase, CancellationToken cancellationToken)
    {
        var instances = new BenchInstances(await Azurite.StartAsync(cancellationToken), await StandInServer.StartAsync(cancellationToken));
        try
        {
            instances.standIns.Recorder.Latency = options.StandInLatency;
            var started = DateTimeOffset.UtcNow;
            var settings = BenchHost.Settings(options)
                .Where(s => s.Value is not null)
                .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
            var hosts = await Task.WhenAll(Enumerable.Range(1, count).Select(i => HostProcess.StartAsync(new HostProcessOptions
            {
                Storage = instances.azurite.ConnectionString,
                AdminKey = instances.adminKey,
                StandIns = instances.standIns.BaseUrl,
                Settings = settings,
                LogFile = BenchLogs.File(phase, started, string.Create(CultureInfo.InvariantCulture, $"host{i}")),
                StartTimeout = TimeSpan.FromMinutes(3), // three processes starting at once on two cores
            }, cancellationToken)));
            instances.hosts.AddRange(hosts);
            instances.entries.AddRange(hosts.Select(h => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
            {
                BaseAddress = h.BaseUrl,
                Timeout = TimeSpan.FromSeconds(60),
            }));
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }

        return instances;
    }

    public async Task<IReadOnlyList<string>> SeedLawyersAsync(string region, int count, CancellationToken cancellationToken)
    {
        var lawyers = Enumerable.Range(0, count)
            .Select(i => (Id: $"bench-{i:D5}", Phone: "+7702" + Interlocked.Increment(ref phones).ToString("D7", CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var chunk in lawyers.Select((l, i) => $"{l.Id},Lawyer{i} Bench,{region},lawyer,1,{l.Phone},,en,true").Chunk(RapidResponse.Contacts.ContactAdmin.MaxImportRows))
        {
            await ImportAsync(chunk, cancellationToken);
        }

        // Nobody acknowledges a bench alert; its only step is a day away, so no call loads what is measured.
        var policy = new { steps = new[] { new { afterSeconds = 86_400, call = true } } };
        using var _ = await AdminAsync(HttpMethod.Put, $"api/manage/escalation-policies/{region}", JsonContent.Create(policy), cancellationToken);
        return lawyers.Select(l => l.Phone).ToList();
    }

    public async Task<IReadOnlyList<string>> SeedNgosAsync(string region, int count, CancellationToken cancellationToken)
    {
        var ngos = Enumerable.Range(0, count).Select(i => $"ngo{i}.{region.ToLowerInvariant()}@bench.example.org").ToList();
        await ImportAsync(ngos.Select((email, i) => $"bench-ngo-{i:D5},Ngo{i} Bench,{region},ngo,1,,{email},en,true"), cancellationToken);
        return ngos;
    }

    public async Task<string> NewOrganizerAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        using var created = await AdminAsync(HttpMethod.Post, "api/manage/organizers", JsonContent.Create(new { name = "Bench organizer", regions }), cancellationToken);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Arrivals.Dispose();
        foreach (var entry in entries)
        {
            entry.Dispose();
        }

        foreach (var host in hosts)
        {
            host.Dispose();
        }

        await standIns.DisposeAsync();
        await azurite.DisposeAsync();
    }

    private async Task ImportAsync(IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("contactId,name,region,role,tier,phone,email,language,active\n");
        foreach (var row in rows)
        {
            csv.Append(row).Append('\n');
        }

        using var imported = await AdminAsync(HttpMethod.Post, "api/manage/contacts/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), cancellationToken);
        var report = await imported.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(report);
        if (json.RootElement.GetProperty("rejected").GetInt32() > 0)
        {
            throw new InvalidOperationException($"The import rejected rows: {report}");
        }
    }

    /// <summary>An admin request to the first instance; anything but success throws with the answer.</summary>
    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var response = await entries[0].SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }
}
