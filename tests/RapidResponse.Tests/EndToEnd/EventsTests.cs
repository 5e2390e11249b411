using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Events registered ahead (<c>POST/GET /api/events</c>) and a press that names one by <c>eventId</c>.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class EventsTests(LocalHostFixture host)
{
    [Fact]
    public async Task RegisteredEvent_IsListedAsCurrent_AndAPressWithItsIdCarriesItsPlacePeopleAndName()
    {
        var scenario = await Scenario.CreateAsync(host);
        var eventId = await RegisterAsync(scenario.OrganizerToken, DateTimeOffset.UtcNow.AddMinutes(-20), DateTimeOffset.UtcNow.AddHours(2));

        using var list = await host.SendAsync(HttpMethod.Get, "api/events", scenario.OrganizerToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = Assert.Single((await list.Content.ReadFromJsonAsync<JsonArray>())!);
        Assert.Equal(eventId, listed!["eventId"]!.GetValue<string>());
        Assert.True(listed["current"]!.GetValue<bool>());
        Assert.Equal(scenario.Region, listed["region"]!.GetValue<string>());
        Assert.True(listed["people"]![0]!["publicName"]!.GetValue<bool>());

        var pressed = await scenario.PressAsync(new { incident = "attack", eventId, location = new { lat = 42.35, lon = 69.6, accuracyM = 12 } });

        var alert = (await host.Host.Services.GetRequiredService<AlertStore>().GetAsync(pressed["alertId"]!.GetValue<string>(), CancellationToken.None))!;
        Assert.Equal("Women's rights workshop", alert.EventName);
        Assert.Equal(scenario.Region, alert.Region);
        Assert.Equal(new Location(42.35, 69.6, 12, "Community centre, Tauke Khan Ave"), alert.Location);
        Assert.Equal([new Person("Zhanar S.", "co-founder", true), new Person("Aliya K.", null, false)], alert.People);
    }

    [Fact]
    public async Task PressWithAnotherOrganizersEventId_Is422_LikeAnUnknownOne()
    {
        var scenario = await Scenario.CreateAsync(host);
        var other = await scenario.NewOrganizerAsync();
        var othersEvent = await RegisterAsync(other, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));

        foreach (var eventId in new[] { othersEvent, "no-such-event" })
        {
            using var response = await host.SendAsync(HttpMethod.Post, "api/panic", scenario.OrganizerToken, new { incident = "attack", eventId });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("eventId", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        }

        using var mine = await host.SendAsync(HttpMethod.Get, "api/events", scenario.OrganizerToken);
        Assert.Empty((await mine.Content.ReadFromJsonAsync<JsonArray>())!);
    }

    [Fact]
    public async Task BrokenRegistration_Is422NamingEachField_AndNoTokenIs401()
    {
        var scenario = await Scenario.CreateAsync(host);

        using var broken = await host.SendAsync(HttpMethod.Post, "api/events", scenario.OrganizerToken, new
        {
            name = " ",
            place = new { lat = 91.0 },
            startsAt = DateTimeOffset.UtcNow.AddHours(2),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            people = new[] { new { name = "" } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var errors = (await broken.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["endsAt", "name", "people[0].name", "place.lat", "place.lon"], errors.Order(StringComparer.Ordinal));

        using var unknownField = await host.SendAsync(HttpMethod.Post, "api/events", scenario.OrganizerToken, new { name = "x", secret = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownField.StatusCode);

        using var anonymous = await host.SendAsync(HttpMethod.Get, "api/events", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
    }

    private async Task<string> RegisterAsync(string token, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/events", token, new
        {
            name = "Women's rights workshop",
            place = new { text = "Community centre, Tauke Khan Ave", lat = 42.3417, lon = 69.5901 },
            startsAt,
            endsAt,
            people = new object[] { new { name = "Zhanar S.", role = "co-founder", publicName = true }, new { name = "Aliya K." } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["eventId"]!.GetValue<string>();
    }
}
