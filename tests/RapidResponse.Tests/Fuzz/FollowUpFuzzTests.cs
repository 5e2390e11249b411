using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Fuzz;

/// <summary>
/// Generated malformed bodies against the endpoints the press fuzzing does not reach: events, me, resolve, updates,
/// escalation policies and the inbound SMS webhook. Always a 4xx problem+json, never a 500, never a change stored.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class FollowUpFuzzTests(LocalHostFixture host)
{
    private const int Iterations = 300;

    private static readonly Gen<string> Text = Gen.String[Gen.Char, 0, 30];

    [Fact]
    public async Task MalformedOrganizerBodies_AreRefused_AndChangeNothing()
    {
        var scenario = await Scenario.CreateAsync(host);
        var token = scenario.OrganizerToken;
        var alertId = await Responders.PressAsync(host, scenario, token);
        await Responders.WaitForTimelineAsync(host, alertId, "fan-out", 1, Patience.Delivery);

        await Body(["name", "region"]).SampleAsync(async b => await AssertRefusedAsync(HttpMethod.Post, "api/events", token, b), iter: Iterations, threads: 4);
        await Body(["phone", "language", "safeCode"]).SampleAsync(async b => await AssertRefusedAsync(HttpMethod.Put, "api/me", token, b), iter: Iterations, threads: 4);
        await Body(["outcome", "message", "code"]).SampleAsync(async b => await AssertRefusedAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", token, b), iter: Iterations, threads: 4);
        await Body(["status", "message"]).SampleAsync(async b => await AssertRefusedAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", token, b), iter: Iterations, threads: 4);

        using var events = await host.SendAsync(HttpMethod.Get, "api/events", token);
        Assert.Empty((await events.Content.ReadFromJsonAsync<JsonArray>())!);
        var status = await Responders.StatusAsync(host, alertId, token);
        Assert.Equal("open", status["status"]!.GetValue<string>());
        Assert.DoesNotContain(await KindsAsync(alertId), k => k is "update" or "resolved" or "duress");
    }

    [Fact]
    public async Task MalformedEscalationPolicies_AreRefused()
    {
        var (_, region) = TestData.Region();
        await Body(["steps"]).SampleAsync(
            async b => await AssertRefusedAsync(HttpMethod.Put, $"api/manage/escalation-policies/{region}", host.Host.AdminKey, b), iter: Iterations, threads: 4);

        using var policy = await host.SendAsync(HttpMethod.Get, $"api/manage/escalation-policies/{region}", host.Host.AdminKey);
        Assert.True((await policy.Content.ReadFromJsonAsync<JsonObject>())!["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnsignedInboundSms_IsRefused_WhateverTheBody()
    {
        await Gen.Select(Text, Text).SampleAsync(
            async (from, body) =>
            {
                using var content = new FormUrlEncodedContent([new("From", from), new("Body", body), new("MessageSid", "SM" + from.Length)]);
                using var request = host.Request(HttpMethod.Post, "api/webhooks/twilio/inbound", null, content);
                await AssertRefusedAsync(request);
            },
            iter: Iterations, threads: 4);
    }

    /// <summary>A body with a defect every JSON endpoint refuses: syntax, root, unknown member, a string field's type, depth, size.</summary>
    private static Gen<string> Body(string[] stringFields) => Gen.OneOf(
        Text.Select(t => "{\"x\":" + Quote(t) + ", "),
        // Never valid JSON, whatever the text: it ends in a comma ("{" + "}" alone would be a valid empty object).
        Text.Select(t => "{" + t + ","),
        Gen.OneOf(Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)), Gen.OneOf<string>("true", "null", "[]", "[1]", "\"\""), Text.Select(Quote)),
        Text.Select(t => $"{{{Quote("x_" + t)}:1}}"),
        Gen.Select(Gen.OneOf<string>(stringFields), Gen.OneOf<string>("12", "true", "{\"x\":1}", "-1e999")).Select((f, v) => $"{{\"{f}\":{v}}}"),
        Gen.Int[17, 200].Select(d => $"{{\"x\":{new string('[', d)}{new string(']', d)}}}"),
        Gen.Int[17_000, 30_000].Select(n => $"{{\"{stringFields[0]}\":\"{new string('x', n)}\"}}"));

    private async Task<IReadOnlyList<string>> KindsAsync(string alertId)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", host.Host.AdminKey);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
    }

    private async Task AssertRefusedAsync(HttpMethod method, string path, string bearer, string body)
    {
        using var request = host.Request(method, path, bearer, new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertRefusedAsync(request);
    }

    private async Task AssertRefusedAsync(HttpRequestMessage request)
    {
        using var response = await host.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{request.Method} {request.RequestUri} answered {status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
