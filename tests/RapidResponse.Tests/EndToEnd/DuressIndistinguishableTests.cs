using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>
/// A coercer holding the organizer's phone must not learn which code was typed. Two organizers of one region, with
/// the same name, codes and (masked) phone, press the same alert; one resolves with the safe code, the other with the
/// duress code. Then every route the organizer's credential reaches is walked on each, and the answers must be the
/// same bytes, once ids and times are normalised (and nothing else).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed partial class DuressIndistinguishableTests(LocalHostFixture host)
{
    private const string SafeCode = "2468";
    private const string DuressCode = "1357";
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task EveryOrganizerRoute_AnswersADuressResolveByteForByteAsAGoodResolve()
    {
        var scenario = await Scenario.CreateAsync(host);
        var (goodPhone, forcedPhone) = PhonesWithOneMask();
        var good = await WalkAsync(scenario, goodPhone, SafeCode);
        var forced = await WalkAsync(scenario, forcedPhone, DuressCode);

        Assert.Equal(good.Answers.Count, forced.Answers.Count);
        for (var i = 0; i < good.Answers.Count; i++)
        {
            Assert.Equal(good.Answers[i], forced.Answers[i]);
        }

        // The walk compared something real: the duress alert did go on for responders and coordinators.
        var admin = await Responders.StatusAsync(host, forced.AlertId, host.Host.AdminKey);
        Assert.True(admin["duress"]!.GetValue<bool>());
        var kinds = admin["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("duress-escalation", kinds);
        Assert.Contains("acknowledged", kinds);
        var afterDuress = admin["timeline"]!.AsArray().Where(t => t!["kind"]!.GetValue<string>() == "after-duress").Select(t => t!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(afterDuress, t => t.StartsWith("Update received after a duress resolve, not sent: still-held (Taken to station 5)", StringComparison.Ordinal));
        Assert.Contains(afterDuress, t => t.StartsWith("Resolve with the safe code received after a duress resolve", StringComparison.Ordinal));
        Assert.DoesNotContain(host.StandIns.Sms, s => s.Body.Contains("Taken to station 5", StringComparison.Ordinal));
    }

    /// <summary>Press, resolve with <paramref name="code"/>, let the service settle, then every organizer route in turn; the answers normalised.</summary>
    private async Task<Walk> WalkAsync(Scenario scenario, string phone, string code)
    {
        var token = await Responders.OrganizerAsync(host, scenario.Region, phone);
        using (var codes = await host.SendAsync(HttpMethod.Put, "api/me", token, new { safeCode = SafeCode, duressCode = DuressCode }))
        {
            Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        }

        var walk = new Walk(token);
        using var pressed = await PressAsync(token);
        walk.AlertId = (await pressed.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>();
        var reference = Responders.Reference(walk.AlertId);
        await WaitForAdminViewAsync(walk.AlertId, view => view["deliveries"]!.AsArray().Count == 4
            && view["deliveries"]!.AsArray().All(d => d!["state"]!.GetValue<string>() == "sent"));

        await walk.AddAsync("resolve", await host.SendAsync(HttpMethod.Post, $"api/alerts/{walk.AlertId}/resolve", token, new { outcome = "safe", code }));

        // Everyone alerted hears of it (a resolution or a duress signal), and the duress escalation has run.
        await host.StandIns.WaitForAsync(_ =>
            scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Count >= 2)
            && scenario.NgoEmails.All(e => Responders.EmailSubjectsTo(host, e, reference).Count >= 2), Timeout);
        var duress = (await Responders.StatusAsync(host, walk.AlertId, host.Host.AdminKey))["duress"] is not null;
        if (duress)
        {
            await WaitForAdminViewAsync(walk.AlertId, view => Kinds(view).Contains("duress-escalation"));
        }

        // A lawyer answers YES after the resolve: under duress it acknowledges the alert, which is still open for them.
        using (var yes = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "YES"))
        {
            Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        }

        if (duress)
        {
            await WaitForAdminViewAsync(walk.AlertId, view => Kinds(view).Contains("acknowledged"));
        }

        var alert = $"api/alerts/{walk.AlertId}";
        await walk.AddAsync("status", await host.SendAsync(HttpMethod.Get, alert, token));
        await walk.AddAsync("record", await host.SendAsync(HttpMethod.Get, alert + "/record", token));
        await walk.AddAsync("update", await host.SendAsync(HttpMethod.Post, alert + "/updates", token, new { status = "still-held", message = "Taken to station 5" }));
        await walk.AddAsync("update, invalid", await host.SendAsync(HttpMethod.Post, alert + "/updates", token, new { status = "lost" }));
        await walk.AddAsync("resolve again, safe code", await host.SendAsync(HttpMethod.Post, alert + "/resolve", token, new { outcome = "safe", code = SafeCode }));
        await walk.AddAsync("resolve again, wrong code", await host.SendAsync(HttpMethod.Post, alert + "/resolve", token, new { outcome = "safe", code = "9999" }));
        await walk.AddAsync("resolve again, duress code", await host.SendAsync(HttpMethod.Post, alert + "/resolve", token, new { outcome = "other", code = DuressCode }));
        await walk.AddAsync("page config", await host.SendAsync(HttpMethod.Get, "api/app/config", token));
        await walk.AddAsync("settings", await host.SendAsync(HttpMethod.Put, "api/me", token, new { language = "en" }));
        using (var registered = await host.SendAsync(HttpMethod.Post, "api/events", token, Event()))
        {
            walk.EventId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["eventId"]!.GetValue<string>();
            await walk.AddAsync("register event", registered);
        }

        await walk.AddAsync("events", await host.SendAsync(HttpMethod.Get, "api/events", token));
        await walk.AddAsync("press again", await PressAsync(token));
        foreach (var body in new[] { "HELP", "YES", "are you there", "SOS they are back" })
        {
            await walk.AddAsync("sms " + body, await Responders.SmsAsync(host, phone, body));
        }

        await walk.AddAsync("status, last", await host.SendAsync(HttpMethod.Get, alert, token));
        await walk.AddAsync("record, last", await host.SendAsync(HttpMethod.Get, alert + "/record", token));
        walk.Add("sms to the organizer's phone", string.Join("\n", host.StandIns.Sms.Where(s => s.To == phone).Select(s => s.Body)));
        return walk;
    }

    private async Task<HttpResponseMessage> PressAsync(string token)
    {
        var request = host.Request(HttpMethod.Post, "api/panic", token, JsonContent.Create(new
        {
            incident = "detention",
            location = new { lat = 42.3417, lon = 69.5901, accuracyM = 30, text = "Community centre, Tauke Khan Ave" },
            message = "Police took both organisers",
        }));
        request.Headers.Add("Idempotency-Key", "the-press");
        return await host.Client.SendAsync(request);
    }

    private static object Event() => new
    {
        name = "Women's rights workshop",
        place = new { text = "Community centre, Tauke Khan Ave", lat = 42.3417, lon = 69.5901 },
        startsAt = DateTimeOffset.UtcNow.AddMinutes(-20),
        endsAt = DateTimeOffset.UtcNow.AddHours(2),
        people = new object[] { new { name = "Zhanar S.", role = "co-founder", publicName = true } },
    };

    private async Task WaitForAdminViewAsync(string alertId, Func<JsonObject, bool> done)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var view = await Responders.StatusAsync(host, alertId, host.Host.AdminKey);
            if (done(view))
            {
                return;
            }

            Assert.True(started.Elapsed < Timeout, "The alert did not settle in time: " + view.ToJsonString());
            await Task.Delay(100);
        }
    }

    private static List<string> Kinds(JsonObject view) => view["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();

    /// <summary>Two fresh numbers that mask alike (<see cref="Pii.MaskPhone"/> keeps the prefix and the last two digits).</summary>
    private static (string, string) PhonesWithOneMask()
    {
        var first = TestData.Phone();
        var second = TestData.Phone();
        return (first, second[..^2] + first[^2..]);
    }

    /// <summary>What each route answered, in order, normalised for this walk's own ids and for times.</summary>
    private sealed class Walk(string token)
    {
        public List<string> Answers { get; } = [];

        public string AlertId { get; set; } = "";

        public string EventId { get; set; } = "";

        private string OrganizerId => token[..token.IndexOf('.', StringComparison.Ordinal)];

        public async Task AddAsync(string step, HttpResponseMessage response)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                if (step.StartsWith("record", StringComparison.Ordinal) && response.IsSuccessStatusCode)
                {
                    body = WithoutHashes(body);
                }

                // Date is the clock's; Content-Length follows the body, compared below once its times are normalised.
                var headers = response.Headers.Concat(response.Content.Headers)
                    .Where(h => h.Key is not ("Date" or "Content-Length"))
                    .OrderBy(h => h.Key, StringComparer.Ordinal)
                    .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
                Add(step, $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}");
            }
        }

        public void Add(string step, string answer) => Answers.Add(Normalise($"{step} → {answer}"));

        private string Normalise(string text)
        {
            text = text.Replace(AlertId, "{alert}", StringComparison.Ordinal).Replace(OrganizerId, "{organizer}", StringComparison.Ordinal);
            text = EventId.Length == 0 ? text : text.Replace(EventId, "{event}", StringComparison.Ordinal);

            // The SMS panic raises a new alert, named by its reference (its id's last six characters).
            text = SmsReference().Replace(text, "ref {alert}");

            // Problem details carry the request's own W3C trace id, new for every request whichever code was typed.
            text = TraceId().Replace(text, "\"traceId\":\"{trace}\"");
            return Time().Replace(text, "{time}");
        }

        /// <summary>
        /// Each entry's hash covers its time, so hashes differ exactly as times do: each record must verify on its own,
        /// and only then are its hashes set aside.
        /// </summary>
        private static string WithoutHashes(string body)
        {
            var record = JsonNode.Parse(body)!.AsObject();
            var entries = record["entries"]!.AsArray()
                .Select(e => e.Deserialize<RecordEntry>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
                .ToList();
            var check = RecordVerifier.Verify(entries, record["headSeq"]!.GetValue<long>(), record["headHash"]!.GetValue<string>());
            Assert.True(check.Valid, check.Reason);
            return Hash().Replace(body, "{hash}");
        }
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Time();

    [GeneratedRegex(@"ref [A-Z0-9]{6}\b")]
    private static partial Regex SmsReference();

    [GeneratedRegex(@"\b[0-9a-f]{64}\b")]
    private static partial Regex Hash();

    [GeneratedRegex(@"""traceId"":""[0-9a-f-]+""")]
    private static partial Regex TraceId();
}
