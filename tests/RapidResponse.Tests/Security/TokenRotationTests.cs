using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>Rotating or revoking an organizer's token takes effect on the very next request, over HTTP.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class TokenRotationTests(LocalHostFixture host)
{
    [Fact]
    public async Task Rotate_OldTokenFailsAtOnce_NewTokenWorks()
    {
        var scenario = await Scenario.CreateAsync(host);
        var old = scenario.OrganizerToken;
        var organizerId = old[..old.IndexOf('.', StringComparison.Ordinal)];
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, "api/events", old));

        using var rotated = await host.SendAsync(HttpMethod.Post, $"api/manage/organizers/{organizerId}/token", host.Host.AdminKey);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!;
        var fresh = body["token"]!.GetValue<string>();
        Assert.Equal(organizerId, body["organizerId"]!.GetValue<string>());
        Assert.NotEqual(old, fresh);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, "api/events", old));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Post, "api/panic", old, scenario.DefaultPress));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, "api/events", fresh));
    }

    [Fact]
    public async Task Revoke_TokenFailsAtOnce_UntilRotated()
    {
        var scenario = await Scenario.CreateAsync(host);
        var token = scenario.OrganizerToken;
        var organizerId = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var alertId = await Responders.PressAsync(host, scenario, token);

        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(HttpMethod.Delete, $"api/manage/organizers/{organizerId}/token", host.Host.AdminKey));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, "api/events", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Post, "api/panic", token, scenario.DefaultPress));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, "api/app/config", token));

        using var rotated = await host.SendAsync(HttpMethod.Post, $"api/manage/organizers/{organizerId}/token", host.Host.AdminKey);
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}", fresh));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}", token));
    }

    [Fact]
    public async Task RotateAndRevoke_AreAdminOnly_AndUnknownOrganizersAre404()
    {
        var scenario = await Scenario.CreateAsync(host);
        var token = scenario.OrganizerToken;
        var organizerId = token[..token.IndexOf('.', StringComparison.Ordinal)];

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Post, $"api/manage/organizers/{organizerId}/token", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Delete, $"api/manage/organizers/{organizerId}/token", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Delete, $"api/manage/organizers/{organizerId}/token", null));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Post, "api/manage/organizers/nobody/token", host.Host.AdminKey));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Delete, "api/manage/organizers/nobody/token", host.Host.AdminKey));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, "api/events", token));
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string? bearer, object? json = null)
    {
        using var response = await host.SendAsync(method, path, bearer, json);
        return response.StatusCode;
    }
}
