using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>Bad presses get the right problem+json, naming what was wrong, and send nothing.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PanicRejectionTests(LocalHostFixture host)
{
    public static TheoryData<string, string, HttpStatusCode, string> BadPresses => new()
    {
        { "bad token", """{"incident":"attack"}""", HttpStatusCode.Unauthorized, "" },
        { "malformed JSON", """{"incident": "attack",""", HttpStatusCode.BadRequest, "" },
        { "unknown incident", """{"incident":"burglary"}""", HttpStatusCode.UnprocessableEntity, "incident" },
        { "latitude out of range", """{"incident":"attack","location":{"lat":91,"lon":69.59}}""", HttpStatusCode.UnprocessableEntity, "location.lat" },
        { "longitude out of range", """{"incident":"attack","location":{"lat":42.3,"lon":-181}}""", HttpStatusCode.UnprocessableEntity, "location.lon" },
        { "accuracy not a number", """{"incident":"attack","location":{"lat":42.3,"lon":69.59,"accuracyM":"NaN"}}""", HttpStatusCode.UnprocessableEntity, "location.accuracyM" },
        { "latitude not a number", """{"incident":"attack","location":{"lat":"NaN","lon":69.59}}""", HttpStatusCode.UnprocessableEntity, "location.lat" },
        { "message too long", "{\"incident\":\"attack\",\"message\":\"" + new string('x', 501) + "\"}", HttpStatusCode.UnprocessableEntity, "message" },
        { "unknown field", """{"incident":"attack","severity":"high"}""", HttpStatusCode.UnprocessableEntity, "severity" },
        { "wrong type", """{"incident":"attack","silent":"yes"}""", HttpStatusCode.UnprocessableEntity, "silent" },
        { "out-of-scope region", """{"incident":"attack","region":"ZZ-NOPE"}""", HttpStatusCode.Forbidden, "" },
        { "oversized body", "{\"incident\":\"attack\",\"message\":\"" + new string('x', 20_000) + "\"}", HttpStatusCode.RequestEntityTooLarge, "" },
    };

    [Theory]
    [MemberData(nameof(BadPresses))]
    public async Task BadPress_GetsProblemJson_AndSendsNothing(string why, string body, HttpStatusCode expected, string field)
    {
        var scenario = await Scenario.CreateAsync(host);
        var token = why == "bad token" ? scenario.OrganizerToken[..^4] + "AAAA" : scenario.OrganizerToken;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "api/panic", token, content));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        if (field.Length > 0)
        {
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"{why}: errors should name '{field}': {problem}");
        }

        // A good press made afterwards is the only thing the stand-ins see for this region.
        await scenario.PressAsync();
        await host.StandIns.WaitForAsync(r => scenario.LawyerPhones.All(p => r.Sms.Any(s => s.To == p)), Patience.Delivery);
        await Task.Delay(300);
        Assert.Equal(scenario.LawyerPhones.Count, host.StandIns.Sms.Count(s => scenario.LawyerPhones.Contains(s.To)));
    }

    [Fact]
    public async Task Press_WithoutAuthorizationHeader_Is401()
    {
        using var response = await host.SendAsync(HttpMethod.Post, "api/panic", bearer: null, new { incident = "attack" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
