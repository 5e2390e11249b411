using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Security;

namespace RapidResponse.Tests.Support;

/// <summary>What the issue-5 tests do over the local host: inbound SMS signed as Twilio signs them, organizers with known phones, policies.</summary>
public static class Responders
{
    public const string InboundPath = "api/webhooks/twilio/inbound";

    /// <summary>An SMS to the service number, as Twilio posts it (signed with the stand-in account's auth token unless told otherwise).</summary>
    public static async Task<HttpResponseMessage> SmsAsync(LocalHostFixture host, string from, string body, string authToken = "local-stand-in")
    {
        var fields = new Dictionary<string, string>
        {
            ["From"] = from,
            ["To"] = "+15005550006",
            ["Body"] = body,
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC00000000000000000000000000local",
        };
        var url = host.Host.BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + InboundPath;
        var request = new HttpRequestMessage(HttpMethod.Post, InboundPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.Header, TwilioSigner.Sign(authToken, url, fields));
        return await host.Client.SendAsync(request);
    }

    /// <summary>An organizer of the region with a known phone; returns its token.</summary>
    public static async Task<string> OrganizerAsync(LocalHostFixture host, string region, string phone)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey,
            new { name = "Dana Organizer", regions = new[] { region }, phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    public static async Task PolicyAsync(LocalHostFixture host, string region, params object[] steps)
    {
        using var response = await host.SendAsync(HttpMethod.Put, $"api/manage/escalation-policies/{region}", host.Host.AdminKey, new { steps });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<string> PressAsync(LocalHostFixture host, Scenario scenario, string token)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/panic", token, scenario.DefaultPress);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>();
    }

    public static string Reference(string alertId) => alertId[^6..].ToUpperInvariant();

    public static async Task<JsonObject> StatusAsync(LocalHostFixture host, string alertId, string token)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Waits until the alert's timeline has <paramref name="count"/> entries of a kind.</summary>
    public static async Task<JsonObject> WaitForTimelineAsync(LocalHostFixture host, string alertId, string kind, int count, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync(host, alertId, host.Host.AdminKey);
            if (status["timeline"]!.AsArray().Count(t => t!["kind"]!.GetValue<string>() == kind) >= count)
            {
                return status;
            }

            Assert.True(started.Elapsed < timeout, $"No {count} '{kind}' timeline entries in time: {status["timeline"]!.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>SMS the stand-in recorded to a number about an alert (by its reference).</summary>
    public static IReadOnlyList<string> SmsTo(LocalHostFixture host, string phone, string reference) =>
        host.StandIns.Sms.Where(s => s.To == phone && s.Body.Contains(reference, StringComparison.Ordinal)).Select(s => s.Body).ToList();

    public static IReadOnlyList<string> EmailSubjectsTo(LocalHostFixture host, string email, string reference) =>
        host.StandIns.Emails.Where(m => m.To.Contains(email) && m.Subject!.Contains(reference, StringComparison.Ordinal)).Select(m => m.Subject!).ToList();
}
