using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.StandIns;
using RapidResponse.LocalHost.Storage;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// Several local-host processes of the same build on one Azurite, sending to one set of recording stand-ins (served
/// by the test process, so they outlive any instance). Regions, organizers and contacts are made through the admin
/// API of the first instance, as an operator would.
/// </summary>
public sealed class InstancesWorld : IAsyncLifetime
{
    public const int Instances = 3;
    public const int StormRegions = 40;
    public const int LawyersPerRegion = 20;
    public const int NgosPerRegion = 5;

    /// <summary>The deployment's Twilio rate: every instance draws from this one budget.</summary>
    public const int MessagesPerSecond = 40;

    private readonly List<HostProcess> hosts = [];
    private Azurite azurite = null!;
    private StandInServer standIns = null!;

    public string AdminKey { get; } = "instances-admin-key-" + Guid.NewGuid().ToString("N");

    public StandInRecorder StandIns => standIns.Recorder;

    /// <summary>Region i: its code, its organizer's token, its lawyers' phones and its NGOs' emails.</summary>
    public List<(string Code, string Token, List<string> Lawyers, List<string> Ngos)> Regions { get; } = [];

    /// <summary>The region of the escalation check (after the storm's and the two checks'), and its tier-2 lawyers.</summary>
    public const int EscalationRegion = StormRegions + 2;

    public const int SecondTierLawyers = 5;

    public List<string> SecondTier { get; } = [];

    public IReadOnlyList<HostProcess> Live => hosts.Where(h => !h.Exited).ToList();

    public async Task InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        standIns = await StandInServer.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, Instances).Select(_ => StartInstanceAsync()));
        await SeedAsync();
    }

    public async Task<HostProcess> StartInstanceAsync()
    {
        var host = await HostProcess.StartAsync(new HostProcessOptions
        {
            Storage = azurite.ConnectionString,
            AdminKey = AdminKey,
            StandIns = standIns.BaseUrl,
            Settings = new Dictionary<string, string> { ["Twilio__MessagesPerSecond"] = MessagesPerSecond.ToString(CultureInfo.InvariantCulture) },
        });
        lock (hosts)
        {
            hosts.Add(host);
        }

        return host;
    }

    /// <summary>
    /// A press as a phone makes it behind a load balancer: to one instance, and if that instance dies before it
    /// answers, again with the same Idempotency-Key to another. Returns the alert id.
    /// </summary>
    public async Task<string> PressAsync(int region, HostProcess first, string? key = null)
    {
        key ??= Guid.NewGuid().ToString("N");
        var target = first;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var client = new HttpClient { BaseAddress = target.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/panic")
                {
                    Content = JsonContent.Create(new { incident = "detention", region = Regions[region].Code }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Regions[region].Token);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>();
                }

                // 409: the same key is still being accepted; 503: storage too slow just now ("press again: it will be
                // raised once"). A phone presses again with the same key.
                Assert.True(
                    response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable && attempt < 20,
                    $"Press answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && attempt < 10)
            {
                // The instance died under the request, or did not answer in time: the phone retries elsewhere with the
                // same key.
            }

            await Task.Delay(200);
            target = Live[attempt % Live.Count];
        }
    }

    /// <summary>An SMS from a lawyer to the service number, signed as Twilio signs it, to one instance.</summary>
    public async Task<HttpStatusCode> ReplyAsync(HostProcess host, string from, string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["From"] = from,
            ["To"] = "+15005550006",
            ["Body"] = body,
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC00000000000000000000000000local",
        };
        using var client = new HttpClient { BaseAddress = host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, Responders.InboundPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.Header, TwilioSigner.Sign("local-stand-in", host.BaseUrl.AbsoluteUri + Responders.InboundPath, fields));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The region's escalation policy, through the first live instance's coordinator API.</summary>
    public async Task PutPolicyAsync(int region, object policy)
    {
        using var client = new HttpClient { BaseAddress = Live[0].BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/manage/escalation-policies/{Regions[region].Code}") { Content = JsonContent.Create(policy) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> StatusAsync(string alertId)
    {
        using var client = new HttpClient { BaseAddress = Live[0].BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/alerts/{alertId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public int SmsTo(string phone) => StandIns.Sms.Count(s => s.To == phone);

    public int EmailsTo(string email) => StandIns.Emails.Sum(e => e.To.Count(to => to.Contains(email, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Messages on the poison queues (of every queue), parked or not.</summary>
    public async Task<int> PoisonedAsync()
    {
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var count = 0;
        foreach (var queue in RapidResponse.Storage.QueueNames.All.Select(RapidResponse.Storage.QueueNames.Poison))
        {
            var client = queues.GetQueueClient(queue);
            count += await client.ExistsAsync() ? (await client.PeekMessagesAsync(32)).Value.Length : 0;
        }

        using var http = new HttpClient { BaseAddress = Live[0].BaseUrl };
        foreach (var queue in RapidResponse.Storage.QueueNames.All)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/manage/poison/{queue}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            using var response = await http.SendAsync(request);
            count += (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count;
        }

        return count;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        await standIns.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <summary>
    /// The storm's 40 regions and three more for the idempotency, acknowledgement and escalation checks, 25 recipients
    /// each; the last also has <see cref="SecondTierLawyers"/> tier-2 lawyers.
    /// </summary>
    private async Task SeedAsync()
    {
        var prefix = "M" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();
        var csv = new StringBuilder("contactId,name,region,role,tier,phone,email,language,active\n");
        for (var r = 0; r <= EscalationRegion; r++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"KZ-{prefix}{r:D2}");
            var lawyers = Enumerable.Range(0, LawyersPerRegion).Select(_ => TestData.Phone()).ToList();
            var ngos = Enumerable.Range(0, NgosPerRegion).Select(i => string.Create(CultureInfo.InvariantCulture, $"ngo{i}.{code.ToLowerInvariant()}@instances.example.org")).ToList();
            for (var i = 0; i < lawyers.Count; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"l{i},Lawyer{i} Test,{code},lawyer,1,{lawyers[i]},,en,true\n");
            }

            for (var i = 0; i < ngos.Count; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"n{i},Ngo{i} Test,{code},ngo,1,,{ngos[i]},en,true\n");
            }

            Regions.Add((code, "", lawyers, ngos));
        }

        SecondTier.AddRange(Enumerable.Range(0, SecondTierLawyers).Select(_ => TestData.Phone()));
        for (var i = 0; i < SecondTier.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"t{i},Second{i} Test,{Regions[EscalationRegion].Code},lawyer,2,{SecondTier[i]},,en,true\n");
        }

        using var client = new HttpClient { BaseAddress = hosts[0].BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        using var import = new HttpRequestMessage(HttpMethod.Post, "api/manage/contacts/import") { Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv") };
        import.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var imported = await client.SendAsync(import);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var tokens = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Regions.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/manage/organizers")
            {
                Content = JsonContent.Create(new { name = $"Organizer {r}", regions = new[] { Regions[r].Code } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            using var response = await client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            tokens[r] = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["token"]!.GetValue<string>();
        });
        for (var r = 0; r < Regions.Count; r++)
        {
            Regions[r] = Regions[r] with { Token = tokens[r] };
        }
    }
}
