using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Contacts;
using RapidResponse.LocalHost;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.StandIns;
using RapidResponse.LocalHost.Storage;
using RapidResponse.Organizers;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// A local host of its own over an Azurite of its own, so a test can break the providers, stop the host mid-work
/// and start another one on the same storage. What the stand-ins received is kept across restarts.
/// </summary>
internal sealed class FaultWorld : IAsyncDisposable
{
    private readonly Azurite azurite;
    private readonly List<StandInRecorder> retiredStandIns = [];

    private readonly IReadOnlyDictionary<string, string?> settings;

    private FaultWorld(Azurite azurite, string adminKey, IReadOnlyDictionary<string, string?> settings)
    {
        this.azurite = azurite;
        AdminKey = adminKey;
        this.settings = settings;
    }

    public LocalHostApp Host { get; private set; } = null!;

    /// <summary>What every host of this world logged (restarts included): kept out of the console.</summary>
    public CapturedLogs Logs { get; } = new();

    public string AdminKey { get; }

    public string Region { get; } = "KZ-F" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();

    public List<string> Lawyers { get; } = [];

    /// <summary>The email addresses of the world's tier-1 NGOs (each with no phone).</summary>
    public List<string> Ngos { get; } = [];

    public string OrganizerToken { get; private set; } = "";

    /// <summary>Every SMS any host of this world sent, to a stand-in of any generation.</summary>
    public IEnumerable<RecordedSms> AllSms => retiredStandIns.SelectMany(s => s.Sms).Concat(Host.StandIns.Sms);

    /// <summary>Where the operator is told (<c>RapidResponse:OperatorEmail</c>): the SendGrid stand-in records it.</summary>
    public const string OperatorEmail = "operator@fault-world.example.org";

    /// <summary>The operator's phone, when a test sets <c>RapidResponse:OperatorPhone</c> to it.</summary>
    public static readonly string OperatorPhone = TestData.Phone();

    public IEnumerable<RecordedSms> OperatorSms => AllSms.Where(s => s.To == OperatorPhone);

    /// <summary>Every email any host of this world sent, to a stand-in of any generation.</summary>
    public IEnumerable<RecordedEmail> AllEmails => retiredStandIns.SelectMany(s => s.Emails).Concat(Host.StandIns.Emails);

    public IEnumerable<RecordedEmail> OperatorEmails => retiredStandIns.SelectMany(s => s.Emails).Concat(Host.StandIns.Emails)
        .Where(e => e.To.Contains(OperatorEmail));

    /// <param name="lawyers">Tier-1 lawyers of the world's region, each with a phone and no email.</param>
    /// <param name="settings">Host settings over the world's own (e.g. <c>RapidResponse:BackoffScale</c>).</param>
    /// <param name="ngos">Tier-1 NGOs of the world's region, each with an email and no phone.</param>
    public static async Task<FaultWorld> StartAsync(int lawyers, IReadOnlyDictionary<string, string?>? settings = null, int ngos = 0)
    {
        var azurite = await Azurite.StartAsync();
        var adminKey = "fault-world-admin-key-" + Guid.NewGuid().ToString("N");
        var world = new FaultWorld(azurite, adminKey, settings ?? new Dictionary<string, string?>());
        world.Host = await world.StartHostAsync();
        await world.SeedAsync(lawyers, ngos);
        return world;
    }

    /// <summary>Stops the host (its in-flight work is cut off) and starts a new one on the same storage.</summary>
    public async Task RestartHostAsync()
    {
        retiredStandIns.Add(Host.StandIns);
        await Host.DisposeAsync();
        Host = await StartHostAsync();
    }

    /// <summary>
    /// A press accepted by an instance that then takes the <c>alerts</c> message, as the Functions queue listener does
    /// (invisible for 10 minutes), and dies holding it. The instance is the same registration as the app's, with no
    /// host around it; the world's host is stopped meanwhile and started again after, so only the accepting instance
    /// could have taken the message. Returns the alert id and the message, still held.
    /// </summary>
    public async Task<(string AlertId, QueueMessage Held)> PressOnAnInstanceThatDiesHoldingTheMessageAsync()
    {
        var settings = Host.App.Configuration.AsEnumerable().ToDictionary(pair => pair.Key, pair => pair.Value);
        retiredStandIns.Add(Host.StandIns);
        await Host.DisposeAsync();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using (var instance = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRapidResponse(configuration).BuildServiceProvider())
        {
            var panic = ActivatorUtilities.CreateInstance<Functions.Alerts.PanicFunction>(instance);
            var context = new DefaultHttpContext { RequestServices = instance };
            context.Request.Method = "POST";
            context.Request.Headers.Authorization = "Bearer " + OrganizerToken;
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"incident":"detention","region":"{{Region}}"}"""));
            context.Response.Body = new MemoryStream();
            var result = await panic.RunAsync(context.Request, CancellationToken.None);
            await result.ExecuteAsync(context);
            Assert.Equal(StatusCodes.Status202Accepted, context.Response.StatusCode);
            context.Response.Body.Position = 0;
            var alertId = (await JsonNode.ParseAsync(context.Response.Body))!["alertId"]!.GetValue<string>();

            var alerts = instance.GetRequiredService<QueueServiceClient>().GetQueueClient("alerts");
            var held = (await alerts.ReceiveMessageAsync(TimeSpan.FromMinutes(10))).Value;
            Assert.Contains(alertId, held.Body.ToString(), StringComparison.Ordinal);

            Host = await StartHostAsync();
            return (alertId, held);
        }
    }

    /// <summary>Another instance, in a process of its own, on this world's storage and sending to its stand-ins.</summary>
    public Task<HostProcess> StartHostProcessAsync() =>
        HostProcess.StartAsync(new HostProcessOptions { Storage = azurite.ConnectionString, AdminKey = AdminKey, StandIns = Host.BaseUrl });

    public async Task<string> PressAsync(Uri? through = null)
    {
        using var client = new HttpClient { BaseAddress = through ?? Host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/panic") { Content = JsonContent.Create(new { incident = "detention", region = Region }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OrganizerToken);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>();
    }

    public int SmsTo(string phone) => AllSms.Count(s => s.To == phone);

    public int EmailsTo(string address) => AllEmails.Count(e => e.To.Contains(address));

    /// <summary>The body of <c>GET /api/health</c>.</summary>
    public async Task<JsonObject> HealthAsync()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseUrl };
        return (await client.GetFromJsonAsync<JsonObject>("api/health"))!;
    }

    public Task WaitUntilEveryLawyerHasAnSmsAsync(TimeSpan timeout) => WaitUntilEveryoneIsReachedAsync(timeout, lawyers: true, ngos: false);

    /// <summary>Until every lawyer has an SMS (when <paramref name="lawyers"/>) and every NGO an email (when <paramref name="ngos"/>).</summary>
    public async Task WaitUntilEveryoneIsReachedAsync(TimeSpan timeout, bool lawyers = true, bool ngos = true)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while ((lawyers && !Lawyers.All(p => SmsTo(p) > 0)) || (ngos && !Ngos.All(e => EmailsTo(e) > 0)))
        {
            Assert.True(
                elapsed.Elapsed < timeout,
                $"Only {Lawyers.Count(p => SmsTo(p) > 0)} of {Lawyers.Count} lawyers and {Ngos.Count(e => EmailsTo(e) > 0)} of {Ngos.Count} NGOs alerted after {timeout}.");
            await Task.Delay(100);
        }
    }

    /// <summary>How many messages sit on the poison queues, parked or not.</summary>
    public async Task<int> PoisonedAsync()
    {
        var queues = Host.Services.GetRequiredService<QueueServiceClient>();
        var count = 0;
        foreach (var queue in new[] { "alerts-poison", "deliveries-poison" })
        {
            count += (await queues.GetQueueClient(queue).PeekMessagesAsync(32)).Value.Length;
        }

        using var client = new HttpClient { BaseAddress = Host.BaseUrl };
        foreach (var queue in new[] { "alerts", "deliveries" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/manage/poison/{queue}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"GET api/manage/poison/{queue}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            count += (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await azurite.DisposeAsync();
        await Logs.SaveAsync("fault-world");
    }

    private async Task<LocalHostApp> StartHostAsync()
    {
        var all = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["RapidResponse:AdminKey"] = AdminKey,
            ["RapidResponse:OperatorEmail"] = OperatorEmail,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return await LocalHostApp.StartAsync([], all, Logs.CaptureOnly);
    }

    private async Task SeedAsync(int lawyers, int ngos)
    {
        for (var i = 0; i < lawyers; i++)
        {
            Lawyers.Add(TestData.Phone());
        }

        for (var i = 0; i < ngos; i++)
        {
            Ngos.Add(TestData.Email("ngo"));
        }

        var contacts = Lawyers.Select((phone, i) => new Contact($"lawyer{i}", Region, $"Lawyer{i} Test", ContactRole.Lawyer, 1, phone, null, "en", true))
            .Concat(Ngos.Select((email, i) => new Contact($"ngo{i}", Region, $"Ngo{i} Test", ContactRole.Ngo, 1, null, email, "en", true)));
        await Host.Services.GetRequiredService<ContactStore>().PutManyAsync(contacts.ToList(), CancellationToken.None);
        var created = await Host.Services.GetRequiredService<OrganizerAdmin>().CreateAsync(
            RapidResponse.Security.CoordinatorCaller.Admin, new NewOrganizerRequest("Fault organizer", [Region], null, null), CancellationToken.None);
        OrganizerToken = created.Value!.Token;
    }
}
