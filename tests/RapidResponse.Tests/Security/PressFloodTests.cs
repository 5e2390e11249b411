using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>A flood of distinct presses from one organizer meets 429 with Retry-After; repeats never count.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PressFloodTests(LocalHostFixture host)
{
    [Fact]
    public async Task NewAlertsPastTheBurst_Are429WithRetryAfter_RepeatsAreStillAnswered_OtherOrganizersUnaffected()
    {
        var scenario = await Scenario.CreateAsync(host);
        var other = await scenario.NewOrganizerAsync();
        var burst = new RapidResponseOptions { AdminKey = "x", PublicBaseUrl = new Uri("http://x") }.PressBurst;

        // Repeats of the first press, with and without a key, are answered before the limit is looked at.
        var first = await PressAsync(scenario.OrganizerToken, "first", "key-first");
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        for (var i = 0; i < burst + 2; i++)
        {
            Assert.Equal(first.AlertId, (await PressAsync(scenario.OrganizerToken, "first", "key-first")).AlertId);
        }

        for (var i = 1; i < burst; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PressAsync(scenario.OrganizerToken, $"distinct {i}", null)).Status);
        }

        using var limited = await host.SendAsync(HttpMethod.Post, "api/panic", scenario.OrganizerToken, new { incident = "threat", message = "one too many" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        Assert.Equal(first.AlertId, (await PressAsync(scenario.OrganizerToken, "first", "key-first")).AlertId);
        Assert.Equal(HttpStatusCode.Accepted, (await PressAsync(other, "someone else's first", null)).Status);
    }

    private async Task<(HttpStatusCode Status, string? AlertId)> PressAsync(string token, string message, string? key)
    {
        using var request = host.Request(HttpMethod.Post, "api/panic", token, JsonContent.Create(new { incident = "threat", message }));
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await host.Client.SendAsync(request);
        var alertId = response.StatusCode == HttpStatusCode.Accepted
            ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>()
            : null;
        return (response.StatusCode, alertId);
    }
}
