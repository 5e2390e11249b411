using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Resolve, update, and the safe and duress codes, over the local host.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ResolveTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task Resolve_SendsAFollowUpToEveryRecipient_AndClosesTheAlert()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await WaitForAlertAsync(scenario, reference);

        using var update = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", scenario.OrganizerToken, new { status = "charged", message = "Charged with hooliganism" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using var resolve = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "released", message = "Both released at 14:00" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);

        await host.StandIns.WaitForAsync(_ =>
            scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Any(b => b.Contains("is resolved (released)", StringComparison.Ordinal))
                && Responders.SmsTo(host, p, reference).Any(b => b.Contains("update", StringComparison.Ordinal)))
            && scenario.NgoEmails.All(e => Responders.EmailSubjectsTo(host, e, reference).Any(s => s.StartsWith("RESOLVED", StringComparison.Ordinal))
                && Responders.EmailSubjectsTo(host, e, reference).Any(s => s.StartsWith("UPDATE", StringComparison.Ordinal))),
            Timeout);
        // Follow-ups to lawyers end with the lawyer's own page link, as the first SMS does.
        Assert.All(Responders.SmsTo(host, scenario.LawyerPhones[0], reference), b => Assert.Matches(@" http://[^ ]+/api/r/[A-Za-z0-9_-]+$", b));
        var resolvedEmail = host.StandIns.Emails.First(m => m.To.Contains(scenario.NgoEmails[0]) && m.Subject!.StartsWith("RESOLVED", StringComparison.Ordinal) && m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Both released at 14:00", resolvedEmail.Text, StringComparison.Ordinal);
        Assert.Contains("draft", resolvedEmail.Text, StringComparison.OrdinalIgnoreCase);
        var updateEmail = host.StandIns.Emails.First(m => m.To.Contains(scenario.NgoEmails[0]) && m.Subject!.StartsWith("UPDATE", StringComparison.Ordinal) && m.Subject.Contains(reference, StringComparison.Ordinal));
        foreach (var (mail, file) in new[] { (updateEmail, "update-1-charged-en"), (resolvedEmail, "update-2-released-en") })
        {
            var names = mail.Raw["attachments"]!.AsArray().Select(a => a!["filename"]!.GetValue<string>()).ToList();
            Assert.Equal([$"statement-{reference.ToLowerInvariant()}-{file}.docx", $"statement-{reference.ToLowerInvariant()}-{file}.md"], names);
        }

        Assert.Equal("resolved", (await Responders.StatusAsync(host, alertId, scenario.OrganizerToken))["status"]!.GetValue<string>());

        // The NGO keeps the record's fingerprint: the exported record reaches that hash at that entry.
        var fingerprint = System.Text.RegularExpressions.Regex.Match(resolvedEmail.Text!, @"entry (\d+), SHA-256 ([0-9a-f]{64})");
        Assert.True(fingerprint.Success, resolvedEmail.Text);
        using var record = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", host.Host.AdminKey);
        var entries = (await record.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray();
        var seq = int.Parse(fingerprint.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(fingerprint.Groups[2].Value, entries[seq - 1]!["hash"]!.GetValue<string>());
        Assert.Contains(entries.Take(seq), e => e!["kind"]!.GetValue<string>() == "resolved");
    }

    [Fact]
    public async Task DuressCode_AnswersByteForByteLikeAGoodResolve_AndAlertsEveryTier()
    {
        var scenario = await Scenario.CreateAsync(host);
        var good = await OrganizerWithCodesAsync(scenario);
        var forced = await OrganizerWithCodesAsync(scenario);
        var goodAlert = await Responders.PressAsync(host, scenario, good);
        var forcedAlert = await Responders.PressAsync(host, scenario, forced);
        await WaitForAlertAsync(scenario, Responders.Reference(forcedAlert));

        using var noCode = await host.SendAsync(HttpMethod.Post, $"api/alerts/{goodAlert}/resolve", good, new { outcome = "safe" });
        using var wrongCode = await host.SendAsync(HttpMethod.Post, $"api/alerts/{goodAlert}/resolve", good, new { outcome = "safe", code = "0000" });
        Assert.Equal(HttpStatusCode.Forbidden, noCode.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongCode.StatusCode);

        using var goodAnswer = await host.SendAsync(HttpMethod.Post, $"api/alerts/{goodAlert}/resolve", good, new { outcome = "safe", code = "2468" });
        using var duressAnswer = await host.SendAsync(HttpMethod.Post, $"api/alerts/{forcedAlert}/resolve", forced, new { outcome = "safe", code = "1357" });

        Assert.Equal(goodAnswer.StatusCode, duressAnswer.StatusCode);
        Assert.Equal(goodAnswer.Content.Headers.ToString(), duressAnswer.Content.Headers.ToString());
        var goodBytes = await goodAnswer.Content.ReadAsByteArrayAsync();
        var duressBytes = await duressAnswer.Content.ReadAsByteArrayAsync();
        Assert.Equal(
            System.Text.Encoding.UTF8.GetString(goodBytes).Replace(goodAlert, "ID", StringComparison.Ordinal),
            System.Text.Encoding.UTF8.GetString(duressBytes).Replace(forcedAlert, "ID", StringComparison.Ordinal));
        Assert.Equal(goodBytes.Length, duressBytes.Length);

        var reference = Responders.Reference(forcedAlert);
        var tier2 = scenario.DecoyPhones[0];
        await host.StandIns.WaitForAsync(_ =>
            Responders.SmsTo(host, tier2, reference).Any(b => b.StartsWith("DURESS", StringComparison.Ordinal))
            && scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Any(b => b.StartsWith("DURESS", StringComparison.Ordinal)))
            && Responders.EmailSubjectsTo(host, scenario.NgoEmails[0], reference).Any(s => s.StartsWith("DURESS", StringComparison.Ordinal)),
            Timeout);
        Assert.Empty(Responders.SmsTo(host, scenario.DecoyPhones[1], reference));

        var organizerView = await Responders.StatusAsync(host, forcedAlert, forced);
        Assert.Equal("resolved", organizerView["status"]!.GetValue<string>());
        Assert.DoesNotContain("duress", organizerView.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.True((await Responders.StatusAsync(host, forcedAlert, host.Host.AdminKey))["duress"]!.GetValue<bool>());
    }

    private async Task<string> OrganizerWithCodesAsync(Scenario scenario)
    {
        var token = await Responders.OrganizerAsync(host, scenario.Region, TestData.Phone());
        using var me = await host.SendAsync(HttpMethod.Put, "api/me", token, new { safeCode = "2468", duressCode = "1357" });
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadAsStringAsync();
        Assert.DoesNotContain("2468", body, StringComparison.Ordinal);
        Assert.Contains("\"safeCodeSet\":true", body, StringComparison.Ordinal);
        return token;
    }

    private async Task WaitForAlertAsync(Scenario scenario, string reference) =>
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Count > 0)
            && Responders.EmailSubjectsTo(host, scenario.NgoEmails[0], reference).Count > 0, Timeout);
}
