using System.Net;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Webhooks;

/// <summary>
/// Twilio's signature carries no timestamp, so a captured inbound SMS stays validly signed for ever. Replayed, it must
/// change nothing: the MessageSid was seen before.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class TwilioReplayTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task OldYes_ReplayedAfterANewAlert_DoesNotAcknowledgeIt()
    {
        var scenario = await Scenario.CreateAsync(host);
        var lawyer = scenario.LawyerPhones[0];
        var first = await PressAndWaitAsync(scenario, new { incident = "detention", message = "First" });
        var yes = Signed(lawyer, "YES");
        using (var answered = await host.Client.SendAsync(yes.Request()))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        Assert.Single((await Responders.StatusAsync(host, first, host.Host.AdminKey))["acknowledgements"]!.AsArray());
        using (var resolved = await host.SendAsync(HttpMethod.Post, $"api/alerts/{first}/resolve", host.Host.AdminKey, new { outcome = "released" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        var second = await PressAndWaitAsync(scenario, new { incident = "raid", message = "Second" });
        using var replayed = await host.Client.SendAsync(yes.Request());

        // The inbound webhook acts before it answers: had the replay counted, the acknowledgement would be there now.
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Empty((await Responders.StatusAsync(host, second, host.Host.AdminKey))["acknowledgements"]!.AsArray());

        // A new YES (a new MessageSid) still acknowledges.
        using var fresh = await host.Client.SendAsync(Signed(lawyer, "YES").Request());
        Assert.Single((await Responders.StatusAsync(host, second, host.Host.AdminKey))["acknowledgements"]!.AsArray());
    }

    [Fact]
    public async Task Stop_ReplayedAfterStart_DoesNotOptOutAgain()
    {
        var scenario = await Scenario.CreateAsync(host);
        var lawyer = scenario.LawyerPhones[0];
        var stop = Signed(lawyer, "STOP");
        using (var stopped = await host.Client.SendAsync(stop.Request()))
        {
            Assert.Contains("no more SMS", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var started = await host.Client.SendAsync(Signed(lawyer, "START").Request()))
        {
            Assert.Contains("receive alerts again", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var replayed = await host.Client.SendAsync(stop.Request());
        Assert.DoesNotContain("no more SMS", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Still opted in: the next alert reaches the lawyer by SMS.
        await PressAndWaitAsync(scenario, new { incident = "threat", message = "After the replay" });
    }

    /// <summary>Presses and waits until every lawyer of the scenario has the alert's SMS.</summary>
    private async Task<string> PressAndWaitAsync(Scenario scenario, object facts)
    {
        var alert = (await scenario.PressAsync(facts))["alertId"]!.GetValue<string>();
        var reference = Responders.Reference(alert);
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Count > 0), Timeout);
        return alert;
    }

    /// <summary>One inbound SMS as Twilio signs it; <see cref="SignedSms.Request"/> builds the same request again, as a replay would.</summary>
    private SignedSms Signed(string from, string body)
    {
        var fields = new Dictionary<string, string>
        {
            ["From"] = from,
            ["To"] = "+15005550006",
            ["Body"] = body,
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC00000000000000000000000000local",
        };
        var url = host.Host.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + Responders.InboundPath;
        return new SignedSms(fields, TwilioSigner.Sign("local-stand-in", url, fields));
    }

    private sealed record SignedSms(Dictionary<string, string> Fields, string Signature)
    {
        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Responders.InboundPath) { Content = new FormUrlEncodedContent(Fields) };
            request.Headers.Add(TwilioSignature.Header, Signature);
            return request;
        }
    }
}
