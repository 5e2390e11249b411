using System.Net;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Escalation over the local host, with the region's policy set to seconds so the schedule runs fast.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class EscalationTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task NobodyAnswers_Tier2ThenIntlAreAlertedOnSchedule_AndTier1IsReminded()
    {
        var scenario = await Scenario.CreateAsync(host);
        // Tier 3, so only the "every tier of INTL" step reaches it (the chain's tier-2 step includes INTL's tier 2).
        var intlBackup = TestData.Phone();
        await Scenario.PutContactAsync(host, "intl-backup-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Intl Backup", region = "INTL", role = "lawyer", tier = 3, phone = intlBackup });
        await Responders.PolicyAsync(host, scenario.Region,
            new { afterSeconds = 1, scope = "chain", tier = 2, remind = true },
            new { afterSeconds = 2, scope = "intl" });
        var pressedAt = DateTimeOffset.UtcNow;

        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        var tier2 = scenario.DecoyPhones[0];

        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, intlBackup, reference).Count > 0, Timeout);
        var status = await Responders.WaitForTimelineAsync(host, alertId, "escalation", 2, Timeout);

        var tier2Sms = Assert.Single(host.StandIns.Sms, s => s.To == tier2 && s.Body.Contains(reference, StringComparison.Ordinal));
        Assert.True(tier2Sms.ReceivedAt - pressedAt >= TimeSpan.FromSeconds(0.9), "tier 2 was alerted before its step was due");
        var intlSms = host.StandIns.Sms.First(s => s.To == intlBackup && s.Body.Contains(reference, StringComparison.Ordinal));
        Assert.True(intlSms.ReceivedAt - pressedAt >= TimeSpan.FromSeconds(1.9), "INTL was alerted before its step was due");
        foreach (var lawyer in scenario.LawyerPhones)
        {
            await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Any(b => b.StartsWith("REMINDER", StringComparison.Ordinal)), Timeout);
        }

        Assert.Empty(Responders.SmsTo(host, scenario.DecoyPhones[1], reference));
        var entries = status["timeline"]!.AsArray().Where(t => t!["kind"]!.GetValue<string>() == "escalation").Select(t => t!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(entries, e => e.Contains("tier 2", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("INTL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LawyerRepliesYes_LawyerEscalationStops_NgoEscalationGoesOn_ConfirmationAndOrganizerTold()
    {
        var scenario = await Scenario.CreateAsync(host);
        var ngo2 = TestData.Email("ngo-tier2");
        await Scenario.PutContactAsync(host, "ngo2", new { name = "Backup NGO", region = scenario.Country, role = "ngo", tier = 2, email = ngo2 });
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 8, scope = "chain", tier = 2, remind = true });
        var organizerPhone = TestData.Phone();
        var token = await Responders.OrganizerAsync(host, scenario.Region, organizerPhone);

        var alertId = await Responders.PressAsync(host, scenario, token);
        var reference = Responders.Reference(alertId);
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Count > 0, Timeout);

        using (var reply = await Responders.SmsAsync(host, lawyer, " Да "))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            Assert.Equal("application/xml", reply.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<Response/>", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, organizerPhone, reference).Count > 0
            && Responders.SmsTo(host, lawyer, reference).Any(b => b.Contains("thank you", StringComparison.Ordinal)), Timeout);
        var confirmation = Responders.SmsTo(host, lawyer, reference).Single(b => b.Contains("thank you", StringComparison.Ordinal));
        Assert.Contains("Zhanar S.", confirmation, StringComparison.Ordinal);
        Assert.Contains("https://maps.google.com/?q=42.3417,69.5901", confirmation, StringComparison.Ordinal);
        Assert.Contains("Lawyer0 (lawyer) is responding", Assert.Single(Responders.SmsTo(host, organizerPhone, reference)), StringComparison.Ordinal);

        var escalated = await Responders.WaitForTimelineAsync(host, alertId, "escalation", 1, Timeout);
        var escalation = escalated["timeline"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "escalation")!["text"]!.GetValue<string>();
        Assert.StartsWith("Only lawyers acknowledged after 8 s: escalated to tier 2; alerting 1 ngo", escalation, StringComparison.Ordinal);
        await host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(host, ngo2, reference).Count > 0
            && Responders.EmailSubjectsTo(host, scenario.NgoEmails[0], reference).Any(s => s.StartsWith("REMINDER", StringComparison.Ordinal)), Timeout);
        Assert.Empty(Responders.SmsTo(host, scenario.DecoyPhones[0], reference));
        Assert.DoesNotContain(Responders.SmsTo(host, scenario.LawyerPhones[1], reference), b => b.StartsWith("REMINDER", StringComparison.Ordinal));

        var status = await Responders.StatusAsync(host, alertId, token);
        var responder = Assert.Single(status["acknowledgements"]!.AsArray())!;
        Assert.Equal("Lawyer0", responder["name"]!.GetValue<string>());
        Assert.Equal("lawyer", responder["role"]!.GetValue<string>());
        Assert.DoesNotContain(lawyer, status.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NgoOpensThePageFromItsEmail_OpeningAcknowledgesNothing_TheButtonAcknowledgesOnce()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(host, scenario.NgoEmails[0], reference).Count > 0, Timeout);
        var link = PageLinks.FromEmail(host, scenario.NgoEmails[0], reference);

        // A mail scanner opening the link acknowledges nothing: the page and its state are GETs.
        using var prefetched = await host.Client.GetAsync(link);
        using var state = await host.Client.GetAsync(link + "/state");
        Assert.Equal(HttpStatusCode.OK, prefetched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Empty((await Responders.StatusAsync(host, alertId, scenario.OrganizerToken))["acknowledgements"]!.AsArray());

        using var first = await host.Client.PostAsync(link + "/ack", null);
        using var second = await host.Client.PostAsync(link + "/ack", null);
        using var forged = await host.Client.PostAsync(link[..^3] + "AAA/ack", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var status = await Responders.StatusAsync(host, alertId, scenario.OrganizerToken);
        Assert.Equal("ngo", Assert.Single(status["acknowledgements"]!.AsArray())!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnNgoResponded_TheLawyersReminderSaysSo_NeverThatNobodyHas()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 5, scope = "chain", tier = 2, remind = true });

        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(host, scenario.NgoEmails[0], reference).Count > 0, Timeout);
        using (var ack = await host.Client.PostAsync(PageLinks.FromEmail(host, scenario.NgoEmails[0], reference) + "/ack", null))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        var ngo = Assert.Single((await Responders.StatusAsync(host, alertId, scenario.OrganizerToken))["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>();
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Any(b => b.StartsWith("REMINDER", StringComparison.Ordinal)), Timeout);

        var reminder = Responders.SmsTo(host, lawyer, reference).Single(b => b.StartsWith("REMINDER", StringComparison.Ordinal));
        Assert.StartsWith($"REMINDER, responding so far: {ngo} (ngo). More help is needed: ", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", reminder, StringComparison.OrdinalIgnoreCase);
    }
}
