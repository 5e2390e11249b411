using System.Net;
using System.Xml.Linq;
using RapidResponse.LocalHost.StandIns;
using RapidResponse.Security;

namespace RapidResponse.Tests.Support;

/// <summary>
/// Plays Twilio's side of an escalation call over the local host: fetches the TwiML from the URL the call was placed
/// with, posts the key press to the <c>&lt;Gather&gt;</c> action and the status callbacks, each signed as Twilio signs.
/// </summary>
public static class Callers
{
    public const string AuthToken = "local-stand-in";

    /// <summary>The calls the stand-in recorded to a number.</summary>
    public static IReadOnlyList<RecordedCall> CallsTo(LocalHostFixture host, string phone) =>
        host.StandIns.Calls.Where(c => c.To == phone).ToList();

    /// <summary>Twilio's request for the TwiML once the call is answered (by a person, or by voicemail).</summary>
    public static async Task<XElement> AnswerAsync(LocalHostFixture host, RecordedCall call, string answeredBy = "human")
    {
        using var response = await PostAsync(host, call.Url, Fields(call, "in-progress", ("AnsweredBy", answeredBy)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XElement.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The key pressed, posted to the action of the TwiML's <c>&lt;Gather&gt;</c>.</summary>
    public static async Task<XElement> PressAsync(LocalHostFixture host, RecordedCall call, XElement twiml, string digits)
    {
        var action = twiml.Element("Gather")?.Attribute("action")?.Value ?? throw new InvalidOperationException("The TwiML has no <Gather action>: " + twiml);
        using var response = await PostAsync(host, action, Fields(call, "in-progress", ("Digits", digits)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XElement.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A status callback for the call.</summary>
    public static async Task<HttpResponseMessage> StatusAsync(LocalHostFixture host, RecordedCall call, string status, string authToken = AuthToken) =>
        await PostAsync(host, call.StatusCallback!, Fields(call, status), authToken);

    public static async Task<HttpResponseMessage> PostAsync(
        LocalHostFixture host, string url, IReadOnlyDictionary<string, string> fields, string authToken = AuthToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.Header, TwilioSigner.Sign(authToken, url, fields));
        return await host.Client.SendAsync(request);
    }

    public static Dictionary<string, string> Fields(RecordedCall call, string status, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = call.Sid,
            ["AccountSid"] = call.AccountSid,
            ["From"] = call.From,
            ["To"] = call.To,
            ["CallStatus"] = status,
            ["Direction"] = "outbound-api",
        };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    /// <summary>Everything the call says, in order.</summary>
    public static IReadOnlyList<XElement> Says(XElement twiml) => twiml.Descendants("Say").ToList();
}
