using System.Net;
using System.Text.Json;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.StandIns;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A contact who prefers WhatsApp, over the local host: the template, the SMS fallback, a WhatsApp reply.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class WhatsAppTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task WhatsAppContact_GetsTheTemplateWithTheAlertsVariables_AndAReplyAcknowledges()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(host, "wa-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Madina WhatsApp", region = scenario.Region, role = "lawyer", tier = 1, phone, language = "ru", prefers = "whatsapp" });

        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => WhatsAppTo(phone).Count > 0, Timeout);

        var message = Assert.Single(WhatsAppTo(phone));
        Assert.Equal("whatsapp:+15005550006", message.From);
        Assert.Equal(LocalWhatsAppTemplates.Russian, message.ContentSid);
        Assert.Equal("", message.Body);
        var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(message.ContentVariables!)!;
        Assert.Equal("RapidResponse " + reference, variables["1"]);
        Assert.Equal("задержание", variables["2"]);
        Assert.Contains("Zhanar S.", variables["3"], StringComparison.Ordinal);
        Assert.StartsWith("Community centre, Tauke Khan Ave https://maps.google.com/?q=42.3417,69.5901", variables["4"], StringComparison.Ordinal);
        Assert.Contains("/api/r/", variables["6"], StringComparison.Ordinal);
        Assert.Empty(Responders.SmsTo(host, phone, reference));

        using (var reply = await Responders.SmsAsync(host, "whatsapp:" + phone, "да"))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var status = await Responders.WaitForTimelineAsync(host, alertId, "acknowledged", 1, Timeout);
        Assert.Equal("Madina", Assert.Single(status["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
        // The confirmation answers within WhatsApp's 24-hour window: free text, on WhatsApp.
        await host.StandIns.WaitForAsync(_ => WhatsAppTo(phone).Any(m => m.Body.Contains(reference, StringComparison.Ordinal)), Timeout);
    }

    [Fact]
    public async Task WhatsAppButtonPayload_Acknowledges()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(host, "wa-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Button Lawyer", region = scenario.Region, role = "lawyer", tier = 1, phone, language = "en", prefers = "whatsapp" });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await host.StandIns.WaitForAsync(_ => WhatsAppTo(phone).Count > 0, Timeout);
        Assert.Equal(LocalWhatsAppTemplates.English, WhatsAppTo(phone)[0].ContentSid);

        using (var reply = await ButtonAsync(phone, "YES"))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var status = await Responders.WaitForTimelineAsync(host, alertId, "acknowledged", 1, Timeout);
        Assert.Equal("Button", Assert.Single(status["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task RejectedWhatsApp_FallsBackToSmsAtOnce()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(host, "wa-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Not OnWhatsApp", region = scenario.Region, role = "lawyer", tier = 1, phone, language = "en", prefers = "whatsapp" });
        host.StandIns.Fault = provider => provider == "twilio-whatsapp" ? new StandInFault(400) : null;
        try
        {
            var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
            var reference = Responders.Reference(alertId);

            await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, phone, reference).Count > 0, Timeout);

            Assert.Empty(WhatsAppTo(phone));
            var status = await Responders.WaitForTimelineAsync(host, alertId, "fallback", 1, Timeout);
            Assert.Contains(status["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "WhatsApp to Not (lawyer) failed; trying SMS");
        }
        finally
        {
            host.StandIns.Fault = null;
        }
    }

    [Fact]
    public async Task Stop_OnWhatsApp_EndsWhatsAppToo_AndTheNextAlertGoesByEmail()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        var email = $"wa-{Guid.NewGuid():N}@example.org";
        await Scenario.PutContactAsync(host, "wa-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Stopped WhatsApp", region = scenario.Region, role = "lawyer", tier = 1, phone, email, language = "en", prefers = "whatsapp" });

        using (var stop = await Responders.SmsAsync(host, "whatsapp:" + phone, "STOP"))
        {
            Assert.Contains("no more SMS or WhatsApp", await stop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(host, email, reference).Count > 0, Timeout);
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Count > 0), Timeout);

        Assert.Empty(WhatsAppTo(phone));
        Assert.Empty(Responders.SmsTo(host, phone, reference));
    }

    [Fact]
    public async Task Prefers_IsValidated_AndReadBack()
    {
        using var bad = await host.SendAsync(HttpMethod.Put, "api/manage/contacts/wa-bad", host.Host.AdminKey,
            new { name = "X", region = "KZ-SHY", role = "lawyer", email = "x@example.org", prefers = "telegram" });
        using var noPhone = await host.SendAsync(HttpMethod.Put, "api/manage/contacts/wa-nophone", host.Host.AdminKey,
            new { name = "X", region = "KZ-SHY", role = "lawyer", email = "x@example.org", prefers = "whatsapp" });
        using var good = await host.SendAsync(HttpMethod.Put, "api/manage/contacts/wa-good", host.Host.AdminKey,
            new { name = "X", region = "KZ-SHY", role = "lawyer", phone = TestData.Phone(), prefers = "WhatsApp" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("prefers", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPhone.StatusCode);
        Assert.Contains("whatsapp needs a phone", await noPhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("\"prefers\":\"whatsapp\"", await good.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private List<RecordedSms> WhatsAppTo(string phone) => host.StandIns.Sms.Where(s => s.To == "whatsapp:" + phone).ToList();

    /// <summary>A tap on the template's quick-reply button, as Twilio posts it.</summary>
    private async Task<HttpResponseMessage> ButtonAsync(string phone, string payload)
    {
        var fields = new Dictionary<string, string>
        {
            ["From"] = "whatsapp:" + phone,
            ["To"] = "whatsapp:+15005550006",
            ["Body"] = "I'm responding",
            ["ButtonText"] = "I'm responding",
            ["ButtonPayload"] = payload,
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC00000000000000000000000000local",
        };
        var url = host.Host.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + Responders.InboundPath;
        return await Callers.PostAsync(host, url, fields);
    }
}
