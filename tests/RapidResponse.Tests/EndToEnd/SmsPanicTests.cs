using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>The inbound SMS webhook over the local host: SOS from a registered phone, unknown numbers, forgeries, STOP and HELP.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class SmsPanicTests(LocalHostFixture host)
{
    private const string EmptyTwiML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task Sos_FromARegisteredPhone_RaisesAnAlert_FromAnUnknownPhoneNothing()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        await Responders.OrganizerAsync(host, scenario.Region, phone);

        using var unknown = await Responders.SmsAsync(host, TestData.Phone(), "SOS nobody-knows-me");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(EmptyTwiML, await unknown.Content.ReadAsStringAsync());

        using var known = await Responders.SmsAsync(host, phone, "sos police at the door");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains("alert raised", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => host.StandIns.Sms.Any(s => s.To == p && s.Body.Contains("police at the door", StringComparison.Ordinal))), Timeout);
        Assert.DoesNotContain(host.StandIns.Sms, s => s.Body.Contains("nobody-knows-me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sos_DuringARegisteredEvent_CarriesTheEventsPlaceAndPeople()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        var token = await Responders.OrganizerAsync(host, scenario.Region, phone);
        using var registered = await host.SendAsync(HttpMethod.Post, "api/events", token, new
        {
            name = "Women's rights workshop",
            place = new { text = "Community centre, Tauke Khan Ave", lat = 42.3417, lon = 69.5901 },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            endsAt = DateTimeOffset.UtcNow.AddHours(2),
            people = new object[] { new { name = "Zhanar S.", role = "co-founder", publicName = true } },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var sms = await Responders.SmsAsync(host, phone, "SOS they are here");
        Assert.Contains("alert raised", await sms.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.StandIns.WaitForAsync(
            _ => scenario.LawyerPhones.All(p => host.StandIns.Sms.Any(s => s.To == p && s.Body.Contains("they are here", StringComparison.Ordinal)
                                                                            && s.Body.Contains("Zhanar S.", StringComparison.Ordinal)
                                                                            && s.Body.Contains("Community centre, Tauke Khan Ave", StringComparison.Ordinal))),
            Timeout);
    }

    [Fact]
    public async Task Sos_WithACodewordSet_NeedsTheCodeword()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        var token = await Responders.OrganizerAsync(host, scenario.Region, phone);
        using (var me = await host.SendAsync(HttpMethod.Put, "api/me", token, new { smsCodeword = "Tulip" }))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var without = await Responders.SmsAsync(host, phone, "SOS without-the-word");
        using var with = await Responders.SmsAsync(host, phone, "SOS tulip with-the-word");

        Assert.Equal(EmptyTwiML, await without.Content.ReadAsStringAsync());
        Assert.Contains("alert raised", await with.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await host.StandIns.WaitForAsync(_ => host.StandIns.Sms.Any(s => s.To == scenario.LawyerPhones[0] && s.Body.Contains("with-the-word", StringComparison.Ordinal)), Timeout);
        Assert.DoesNotContain(host.StandIns.Sms, s => s.Body.Contains("without-the-word", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sos_WithACodewordHashedAtTheOldWorkFactor_RaisesTheAlert_AndStoresTheCodewordAtTodays()
    {
        var scenario = await Scenario.CreateAsync(host);
        var phone = TestData.Phone();
        var token = await Responders.OrganizerAsync(host, scenario.Region, phone);
        string organizerId;
        using (var me = await host.SendAsync(HttpMethod.Put, "api/me", token, new { smsCodeword = "Tulip" }))
        {
            organizerId = (await me.Content.ReadFromJsonAsync<JsonObject>())!["organizerId"]!.GetValue<string>();
        }

        // As the row looked before the work factor went up to 600,000.
        var organizers = host.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient("Organizers");
        var row = (await organizers.GetEntityAsync<TableEntity>("org", organizerId)).Value;
        var salt = row.GetString("CodeSalt");
        var old = "pbkdf2-sha256$100000$" + Convert.ToBase64String(System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            "tulip"u8.ToArray(), Convert.FromBase64String(salt), 100_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32));
        await organizers.UpdateEntityAsync(new TableEntity("org", organizerId) { ["SmsCodewordHash"] = old }, row.ETag);

        using var with = await Responders.SmsAsync(host, phone, "SOS tulip after-the-upgrade");

        Assert.Contains("alert raised", await with.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await organizers.GetEntityAsync<TableEntity>("org", organizerId)).Value.GetString("SmsCodewordHash");
        Assert.StartsWith("pbkdf2-sha256$600000$", stored, StringComparison.Ordinal);
        Assert.True(RapidResponse.Security.CodeHasher.Matches("Tulip", salt, stored));
    }

    [Fact]
    public async Task ForgedOrUnsignedInbound_IsRejected()
    {
        using var forged = await Responders.SmsAsync(host, TestData.Phone(), "YES", authToken: "not-the-token");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        using var unsigned = await host.Client.PostAsync(Responders.InboundPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "YES" }));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Help_IsAnswered_Stop_OptsTheNumberOut()
    {
        var scenario = await Scenario.CreateAsync(host);

        using var help = await Responders.SmsAsync(host, TestData.Phone(), "help");
        Assert.Contains("Reply STOP", await help.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var stop = await Responders.SmsAsync(host, scenario.LawyerPhones[1], "STOP");
        Assert.Contains("no more SMS", await stop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);

        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], reference).Count > 0, Timeout);
        await Task.Delay(300);
        Assert.Empty(Responders.SmsTo(host, scenario.LawyerPhones[1], reference));
    }
}
