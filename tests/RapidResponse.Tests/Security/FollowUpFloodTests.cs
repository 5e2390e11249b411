using System.Net;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>A stolen token flooding updates and resolves meets 429 with Retry-After; the admin is not limited.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class FollowUpFloodTests(LocalHostFixture host)
{
    private static readonly RapidResponseOptions Defaults = new() { AdminKey = "x", PublicBaseUrl = new Uri("http://x") };

    [Fact]
    public async Task UpdatesPastTheBurst_Are429WithRetryAfter_AndSendNothing()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();

        // Sixty updates as fast as they go: the flood queued 360 messages.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 60; i++)
        {
            answers.Add(await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", scenario.OrganizerToken, new { status = "other", message = $"flood {i}" }));
        }

        Assert.Equal(Defaults.UpdateBurst, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var limited = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(60 - Defaults.UpdateBurst, limited.Count);
        Assert.All(limited, a =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode);
            Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
            Assert.True(a.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        });
        answers.ForEach(a => a.Dispose());

        var admin = await Responders.StatusAsync(host, alertId, host.Host.AdminKey);
        Assert.Equal(Defaults.UpdateBurst, admin["timeline"]!.AsArray().Count(t => t!["kind"]!.GetValue<string>() == "update"));

        // A coordinator still updates.
        using var coordinator = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", host.Host.AdminKey, new { status = "other", message = "From the coordinator" });
        Assert.Equal(HttpStatusCode.OK, coordinator.StatusCode);
    }

    [Fact]
    public async Task ResolvesPastTheBurst_Are429_WrongCodesCountToo()
    {
        var scenario = await Scenario.CreateAsync(host);
        using (var codes = await host.SendAsync(HttpMethod.Put, "api/me", scenario.OrganizerToken, new { safeCode = "2468" }))
        {
            Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        }

        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        for (var i = 0; i < Defaults.ResolveBurst; i++)
        {
            using var guess = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "safe", code = $"{1000 + i}" });
            Assert.Equal(HttpStatusCode.Forbidden, guess.StatusCode);
        }

        using var right = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "safe", code = "2468" });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("open", (await Responders.StatusAsync(host, alertId, scenario.OrganizerToken))["status"]!.GetValue<string>());
    }
}
