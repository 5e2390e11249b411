using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>
/// A body with several wrong fields of different kinds (a wrong type, a missing required field, a value out of range,
/// an unknown member) is answered once, naming every one of them, on every route that reads a JSON body.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EveryWrongFieldTests(LocalHostFixture host)
{
    private static readonly string LongText = new('x', 501);

    public static TheoryData<string, string, string[]> Bodies => new()
    {
        { "panic", """{"language":5,"location":{"lat":"x","lon":200},"silent":"yes"}""", ["language", "location.lat", "location.lon", "silent", "incident"] },
        { "update", """{"status":"arrested","message":5,"extra":true}""", ["status", "message", "extra"] },
        { "resolve", $$"""{"outcome":7,"code":1234,"message":"{{LongText}}"}""", ["outcome", "code", "message"] },
        { "me", """{"language":5,"safeCode":"1","sharePhone":"yes"}""", ["language", "safeCode", "sharePhone"] },
        { "event", """{"name":"","startsAt":"tomorrow","place":{"lat":100,"lon":"x"}}""", ["name", "startsAt", "endsAt", "place.lat", "place.lon"] },
        { "contact", """{"region":"KZ-SHY","role":"lawyer","tier":"one","language":"de","active":"yes"}""", ["name", "tier", "language", "active", "phone"] },
        { "organizer", """{"name":5,"regions":["not a region"],"language":"de"}""", ["name", "regions[0]", "language"] },
        { "policy", """{"steps":[{"afterSeconds":"soon","scope":"chain"},{"afterSeconds":60,"scope":"everyone","tier":"x"}]}""", ["steps[0].afterSeconds", "steps[1].scope", "steps[1].tier"] },
        { "recipient status", """{"status":"arrived","note":5,"x":1}""", ["status", "note", "x"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ABodyWithSeveralWrongFields_Is422_NamingEveryOne_AndChangesNothing(string route, string body, string[] fields)
    {
        var scenario = await Scenario.CreateAsync(host);
        var (method, path, bearer) = await RouteAsync(scenario, route);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await host.Client.SendAsync(host.Request(method, path, bearer, content));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var named = problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(fields.Order(StringComparer.Ordinal).ToArray(), named);
        Assert.All(fields, f => Assert.Contains(f + ":", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongType_IsNamedOnce_WithoutTheRuleAboutItsMissingValue()
    {
        var scenario = await Scenario.CreateAsync(host);
        using var response = await host.SendAsync(HttpMethod.Post, "api/panic", scenario.OrganizerToken,
            JsonNode.Parse("""{"incident":"detention","location":{"lat":"x","lon":69.5}}"""));

        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["has the wrong type"], problem["errors"]!["location.lat"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    private async Task<(HttpMethod Method, string Path, string? Bearer)> RouteAsync(Scenario scenario, string route)
    {
        switch (route)
        {
            case "panic":
                return (HttpMethod.Post, "api/panic", scenario.OrganizerToken);
            case "me":
                return (HttpMethod.Put, "api/me", scenario.OrganizerToken);
            case "event":
                return (HttpMethod.Post, "api/events", scenario.OrganizerToken);
            case "contact":
                return (HttpMethod.Put, "api/manage/contacts/c-" + Guid.NewGuid().ToString("N")[..8], host.Host.AdminKey);
            case "organizer":
                return (HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey);
            case "policy":
                return (HttpMethod.Put, "api/manage/escalation-policies/" + scenario.Region, host.Host.AdminKey);
        }

        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        if (route == "recipient status")
        {
            var reference = Responders.Reference(alertId);
            await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], reference).Count > 0, Patience.Delivery);
            return (HttpMethod.Post, $"api/r/{PageLinks.Code(PageLinks.FromSms(host, scenario.LawyerPhones[0], reference))}/status", null);
        }

        return (HttpMethod.Post, $"api/alerts/{alertId}/{(route == "update" ? "updates" : "resolve")}", scenario.OrganizerToken);
    }
}
