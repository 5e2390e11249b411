using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A frightened person presses again and again, on a bad network: one alert, never lost.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PanicIdempotencyTests(LocalHostFixture host)
{
    [Fact]
    public async Task HundredConcurrentPresses_WithOneKey_RaiseOneAlert()
    {
        var scenario = await Scenario.CreateAsync(host);
        var key = Guid.NewGuid().ToString();
        var body = """{"incident":"raid","message":"They are breaking the door"}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => PressAsync(scenario, body, key)));

        var accepted = responses.Where(r => r.Status == HttpStatusCode.Accepted).ToList();
        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"unexpected {r.Status}"));
        Assert.NotEmpty(accepted);
        Assert.Single(accepted.Select(r => r.AlertId).Distinct());

        var again = await PressAsync(scenario, body, key);
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal(accepted[0].AlertId, again.AlertId);
        await AssertEachLawyerAlertedOnceAsync(scenario);
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Is422NamingTheKey()
    {
        var scenario = await Scenario.CreateAsync(host);
        var key = Guid.NewGuid().ToString();
        await PressAsync(scenario, """{"incident":"raid"}""", key);

        using var content = new StringContent("""{"incident":"attack"}""", Encoding.UTF8, "application/json");
        var request = host.Request(HttpMethod.Post, "api/panic", scenario.OrganizerToken, content);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task TenPressesInAMinute_WithoutAKey_AreOneAlert()
    {
        var scenario = await Scenario.CreateAsync(host);
        var body = """{"incident":"attack","location":{"lat":42.3,"lon":69.6}}""";

        var responses = new List<(HttpStatusCode Status, string? AlertId)>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await PressAsync(scenario, body, key: null));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        Assert.Single(responses.Select(r => r.AlertId).Distinct());
        await AssertEachLawyerAlertedOnceAsync(scenario);

        var different = await PressAsync(scenario, """{"incident":"detention"}""", key: null);
        Assert.NotEqual(responses[0].AlertId, different.AlertId);
    }

    private async Task<(HttpStatusCode Status, string? AlertId)> PressAsync(Scenario scenario, string body, string? key)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var request = host.Request(HttpMethod.Post, "api/panic", scenario.OrganizerToken, content);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await host.Client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, json?["alertId"]?.GetValue<string>());
    }

    private async Task AssertEachLawyerAlertedOnceAsync(Scenario scenario)
    {
        await host.StandIns.WaitForAsync(r => scenario.LawyerPhones.All(p => r.Sms.Any(s => s.To == p)), Patience.Delivery);
        await Task.Delay(500);
        foreach (var phone in scenario.LawyerPhones)
        {
            Assert.Single(host.StandIns.Sms, s => s.To == phone);
        }
    }
}
