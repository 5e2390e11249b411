using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Recipients' own pages over the local host: opened from the link their SMS or email carries.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class RecipientPageTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task LawyersSmsLink_OpensTheirPage_AndAcknowledgingAndAStatusReachTheOrganizer()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Count > 0), Timeout);
        var link = PageLinks.FromSms(host, scenario.LawyerPhones[0], reference);
        Assert.NotEqual(link, PageLinks.FromSms(host, scenario.LawyerPhones[1], reference));

        using var page = await host.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var state = await StateAsync(link);
        Assert.Equal("lawyer", state["role"]!.GetValue<string>());
        Assert.Equal("Police took both organisers", state["alert"]!["message"]!.GetValue<string>());
        Assert.Equal("Zhanar S.", state["alert"]!["people"]![0]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(scenario.LawyerPhones[1], state.ToJsonString(), StringComparison.Ordinal);

        var acknowledged = await PostAsync(link + "/ack");
        Assert.True(acknowledged["me"]!["acknowledged"]!.GetValue<bool>());
        var status = await PostAsync(link + "/status", new { status = "at-police-station", note = "Station 3" });
        Assert.Equal("at-police-station", status["responders"]![0]!["status"]!.GetValue<string>());

        var organizer = await Responders.WaitForTimelineAsync(host, alertId, "responder-status", 1, Timeout);
        Assert.Equal("Lawyer0", Assert.Single(organizer["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Contains(organizer["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Lawyer0 (lawyer): at police station: \"Station 3\"");
    }

    [Fact]
    public async Task NgosSharingOneEmail_EachGetsItsOwnLink_AndTheOrganizerSeesTheRightOneResponding()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => scenario.NgoEmails.All(e => Responders.EmailSubjectsTo(host, e, reference).Count > 0), Timeout);
        var national = PageLinks.FromEmail(host, scenario.NgoEmails[0], reference);
        var international = PageLinks.FromEmail(host, scenario.NgoEmails[1], reference);
        Assert.NotEqual(national, international);

        var state = await PostAsync(international + "/ack");
        Assert.Equal("ngo", state["role"]!.GetValue<string>());
        Assert.NotEmpty(state["drafts"]!.AsArray());

        var status = await Responders.StatusAsync(host, alertId, scenario.OrganizerToken);
        var responder = Assert.Single(status["acknowledgements"]!.AsArray())!;
        Assert.NotEqual("National NGO", responder["name"]!.GetValue<string>());
        Assert.False((await StateAsync(national))["me"]!["acknowledged"]!.GetValue<bool>());

        // Organisations are named in full: "National" names nobody.
        await PostAsync(national + "/ack");
        status = await Responders.StatusAsync(host, alertId, scenario.OrganizerToken);
        Assert.Contains(status["acknowledgements"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "National NGO");

        using var docx = await host.Client.GetAsync(international + "/drafts/0.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task ForgedLinks_AnswerTheStyled404Page_AndTheirApiAProblem()
    {
        using var page = await host.Client.GetAsync("api/r/AAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("This link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (method, path) in new[] { (HttpMethod.Get, "api/r/AAAAAAAAAAA/state"), (HttpMethod.Post, "api/r/short/ack"), (HttpMethod.Post, "api/r/AAAAAAAAAAA/decline") })
        {
            using var response = await host.Client.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task AnOldAcknowledgementLink_LeadsToThePage_AndAcknowledgesNothingByItself()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(host, scenario.NgoEmails[0], reference).Count > 0, Timeout);
        var deliveryId = $"{scenario.Country}|ngo|email";
        var old = host.Host.Services.GetRequiredService<AckLinks>().For(alertId, deliveryId);

        using var opened = await host.Client.PostAsync(old, null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(PageLinks.FromEmail(host, scenario.NgoEmails[0], reference), opened.RequestMessage!.RequestUri!.AbsoluteUri);
        Assert.Empty((await Responders.StatusAsync(host, alertId, scenario.OrganizerToken))["acknowledgements"]!.AsArray());

        using var forged = await host.Client.GetAsync(old.AbsoluteUri[..^3] + "AAA");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("This link is not valid", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryLawyerCantGo_TheNextTierIsAlertedAtOnce_NotAfterTheWait()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 3600, scope = "chain", tier = 2, remind = true });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Count > 0), Timeout);

        var first = await PostAsync(PageLinks.FromSms(host, scenario.LawyerPhones[0], reference) + "/decline");
        Assert.True(first["me"]!["declined"]!.GetValue<bool>());
        Assert.Empty(Responders.SmsTo(host, scenario.DecoyPhones[0], reference));
        await PostAsync(PageLinks.FromSms(host, scenario.LawyerPhones[1], reference) + "/decline");

        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.DecoyPhones[0], reference).Count > 0, Timeout);
        var status = await Responders.WaitForTimelineAsync(host, alertId, "declined", 2, Timeout);
        Assert.Contains(status["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Lawyer1 (lawyer) cannot go");
        Assert.DoesNotContain(Responders.SmsTo(host, scenario.LawyerPhones[0], reference), b => b.StartsWith("REMINDER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SilentAlert_SharesTheOrganizersPhoneWithNobody_AndThePageSaysDoNotCall()
    {
        var scenario = await Scenario.CreateAsync(host);
        using var shared = await host.SendAsync(HttpMethod.Put, "api/me", scenario.OrganizerToken, new { sharePhone = true });
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var organizerPhone = (await shared.Content.ReadFromJsonAsync<JsonObject>())!["phone"]!.GetValue<string>();
        var press = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(scenario.DefaultPress))!;
        press["silent"] = true;
        var alertId = (await scenario.PressAsync(press))["alertId"]!.GetValue<string>();
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], reference).Count > 0, Timeout);

        Assert.StartsWith("SILENT, do not call or text the organiser: ", Responders.SmsTo(host, scenario.LawyerPhones[0], reference)[0], StringComparison.Ordinal);

        using var yes = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "YES");
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], reference).Count > 1, Timeout);
        Assert.DoesNotContain(Responders.SmsTo(host, scenario.LawyerPhones[0], reference), b => b.Contains(organizerPhone, StringComparison.Ordinal));

        var state = await StateAsync(PageLinks.FromSms(host, scenario.LawyerPhones[0], reference));
        Assert.True(state["organizer"]!["doNotContact"]!.GetValue<bool>());
        Assert.Null(state["organizer"]!["phone"]);
        Assert.True(state["alert"]!["silent"]!.GetValue<bool>());
    }

    private async Task<JsonObject> StateAsync(string link)
    {
        using var response = await host.Client.GetAsync(link + "/state");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> PostAsync(string url, object? body = null)
    {
        using var response = body is null ? await host.Client.PostAsync(url, null) : await host.Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
