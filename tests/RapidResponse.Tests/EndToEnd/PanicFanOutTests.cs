using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A press through the local host: Azurite, the function classes, and the recording Twilio and SendGrid stand-ins.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PanicFanOutTests(LocalHostFixture host)
{
    private static readonly TimeSpan SendTimeout = Patience.Delivery;

    [Fact]
    public async Task Press_SendsOneSmsPerTierOneLawyerAndEmailsTheNgos_AndNothingToDecoys()
    {
        var scenario = await Scenario.CreateAsync(host);

        var accepted = await scenario.PressAsync();

        var alertId = accepted["alertId"]!.GetValue<string>();
        var reference = alertId[^6..].ToUpperInvariant();
        await host.StandIns.WaitForAsync(
            r => scenario.LawyerPhones.All(p => r.Sms.Any(s => s.To == p))
                 && scenario.NgoEmails.All(e => r.Emails.Any(m => m.To.Contains(e) && m.Subject!.Contains(reference, StringComparison.Ordinal))),
            SendTimeout);
        await WaitUntilAllSentAsync(scenario, alertId);

        foreach (var phone in scenario.LawyerPhones)
        {
            var sms = Assert.Single(host.StandIns.Sms, s => s.To == phone);
            Assert.Equal("+15005550006", sms.From);
            Assert.Equal(sms.AccountSid, sms.BasicAuthUser);
            Assert.Contains("DETENTION", sms.Body, StringComparison.Ordinal);
            Assert.Contains("Zhanar S.", sms.Body, StringComparison.Ordinal);
            Assert.Contains("Community centre, Tauke Khan Ave", sms.Body, StringComparison.Ordinal);
            Assert.Contains(reference, sms.Body, StringComparison.Ordinal);
            Assert.NotNull(PageLinks.InText(sms.Body));
            Assert.StartsWith(host.Host.BaseUrl + "api/webhooks/twilio/status", sms.StatusCallback, StringComparison.Ordinal);
            Assert.NotNull(sms.ValidityPeriod);
        }

        foreach (var email in scenario.NgoEmails)
        {
            var mail = Assert.Single(host.StandIns.Emails, m => m.To.Contains(email) && m.Subject!.Contains(reference, StringComparison.Ordinal));
            Assert.Equal("Bearer SG.local-stand-in", mail.Authorization);
            Assert.Contains("Community centre, Tauke Khan Ave", mail.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(host.StandIns.Sms, s => scenario.DecoyPhones.Contains(s.To));

        // The NGOs read the same body: one SendGrid request, one personalization each, nobody sees the other's address.
        var request = Assert.Single(host.StandIns.Emails, m => m.Subject!.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(scenario.NgoEmails.Order(StringComparer.Ordinal), request.To.Order(StringComparer.Ordinal));
        var personalizations = request.Raw["personalizations"]!.AsArray();
        Assert.Equal(scenario.NgoEmails.Count, personalizations.Count);
        Assert.All(personalizations, p => Assert.Single(p!["to"]!.AsArray()));
    }

    [Fact]
    public async Task Status_ShowsEveryDeliveryWithMaskedAddresses_ToItsOrganizerOnly()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();

        var status = await WaitUntilAllSentAsync(scenario, alertId);

        var deliveries = status["deliveries"]!.AsArray();
        Assert.Equal(4, deliveries.Count);
        var body = status.ToJsonString();
        foreach (var address in scenario.LawyerPhones.Concat(scenario.NgoEmails))
        {
            Assert.DoesNotContain(address, body, StringComparison.Ordinal);
        }

        Assert.Contains(deliveries, d => d!["role"]!.GetValue<string>() == "lawyer" && d["channel"]!.GetValue<string>() == "sms");
        Assert.Contains(deliveries, d => d!["role"]!.GetValue<string>() == "ngo" && d["channel"]!.GetValue<string>() == "email");
        Assert.Contains(status["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "accepted");

        var otherOrganizer = await scenario.NewOrganizerAsync();
        using var foreign = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", otherOrganizer);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);

        using var admin = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", host.Host.AdminKey);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        using var anonymous = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", bearer: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Health_ReportsStorageReachable()
    {
        using var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("healthy", report["status"]!.GetValue<string>());
    }

    private async Task<JsonObject> WaitUntilAllSentAsync(Scenario scenario, string alertId)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", scenario.OrganizerToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var deliveries = status["deliveries"]!.AsArray();
            if (deliveries.Count == 4 && deliveries.All(d => d!["state"]!.GetValue<string>() == "sent"))
            {
                return status;
            }

            Assert.True(elapsed.Elapsed < SendTimeout, "Deliveries not all sent in time: " + status.ToJsonString());
            await Task.Delay(50);
        }
    }
}
