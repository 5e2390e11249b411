using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Coordinators;

/// <summary>Coordinator accounts over real HTTP: tokens, role and region changes, scope of lists, imports and alerts.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class CoordinatorAccountsTests(LocalHostFixture host)
{
    [Fact]
    public async Task Me_SaysWhoTheTokenIs_WithItsRoleRegionsAndPermissions()
    {
        var (country, _) = TestData.Region();
        var (id, token) = await Accounts.CreateAsync(host, "coordinator", country);

        var me = await JsonAsync(HttpMethod.Get, "api/manage/me", token);
        Assert.Equal(id, me["actor"]!.GetValue<string>());
        Assert.StartsWith("Test coordinator", me["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("coordinator", me["role"]!.GetValue<string>());
        Assert.Equal([country], me["regions"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(me["admin"]!.GetValue<bool>());
        var permissions = me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Contains("edit-contacts", permissions);
        Assert.DoesNotContain("manage-coordinators", permissions);

        var admin = await JsonAsync(HttpMethod.Get, "api/manage/me", host.Host.AdminKey);
        Assert.Equal("admin", admin["actor"]!.GetValue<string>());
        Assert.True(admin["admin"]!.GetValue<bool>());
        Assert.Equal("owner", admin["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task RotationRevocationAndRoleChanges_TakeEffectOnTheNextRequest()
    {
        var (country, region) = TestData.Region();
        var (id, first) = await Accounts.CreateAsync(host, "coordinator", country);
        var contact = new { name = "Rotation Lawyer", region, role = "lawyer", tier = 1, phone = TestData.Phone() };
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Put, "api/manage/contacts/rotation", first, contact));

        var rotated = await JsonAsync(HttpMethod.Post, $"api/manage/coordinators/{id}/token", host.Host.AdminKey);
        var second = rotated["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, "api/manage/me", first));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, "api/manage/me", second));

        using (var demote = await host.SendAsync(HttpMethod.Patch, $"api/manage/coordinators/{id}", host.Host.AdminKey, new { role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Put, "api/manage/contacts/rotation", second, contact));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", second));

        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(HttpMethod.Delete, $"api/manage/coordinators/{id}/token", host.Host.AdminKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", second));
        var view = await JsonAsync(HttpMethod.Get, $"api/manage/coordinators/{id}", host.Host.AdminKey);
        Assert.True(view["revoked"]!.GetValue<bool>());
        Assert.Null(view["token"]);
    }

    [Fact]
    public async Task AnOwner_SeesAndGrantsOnlyItsOwnScope()
    {
        var (country, region) = TestData.Region();
        var other = TestData.Region().Country;
        var (_, owner) = await Accounts.CreateAsync(host, "owner", country);
        var (inside, _) = await Accounts.CreateAsync(host, "viewer", region);
        var (outside, _) = await Accounts.CreateAsync(host, "viewer", other);

        var listed = (await JsonNodeAsync(HttpMethod.Get, "api/manage/coordinators", owner)).AsArray().Select(c => c!["coordinatorId"]!.GetValue<string>()).ToList();
        Assert.Contains(inside, listed);
        Assert.DoesNotContain(outside, listed);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Get, $"api/manage/coordinators/{outside}", owner));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Post, "api/manage/coordinators", owner, new { name = "Wider", role = "owner", regions = new[] { country, other } }));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Patch, $"api/manage/coordinators/{inside}", owner, new { regions = new[] { other } }));
        using var created = await host.SendAsync(HttpMethod.Post, "api/manage/coordinators", owner, new { name = "City viewer", role = "viewer", regions = new[] { region } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task AnImportWithRowsOutsideScope_IsRefusedNamingThoseRows_AndStoresNothing()
    {
        var (country, region) = TestData.Region();
        var other = TestData.Region().Region;
        var (_, token) = await Accounts.CreateAsync(host, "coordinator", country);
        var csv = $"contactId,name,region,role,email\nin1,Inside,{region},ngo,in1@example.org\nout1,Outside,{other},ngo,out1@example.org\nout2,Outside Two,{other},ngo,\n";

        using var request = host.Request(HttpMethod.Post, "api/manage/contacts/import", token, new StringContent(csv, Encoding.UTF8, "text/csv"));
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["rows[3].region", "rows[4].region"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        var stored = await JsonNodeAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", host.Host.AdminKey);
        Assert.Empty(stored.AsArray());
    }

    [Fact]
    public async Task ACoordinatorReadsAlertsOfItsRegionsOnly_AndTheirTokensOpenNoOrganizerRoute()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var (_, inside) = await Accounts.CreateAsync(host, "viewer", scenario.Country);
        var (_, outside) = await Accounts.CreateAsync(host, "owner", TestData.Region().Country);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}", inside));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", inside));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}", outside));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", outside));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", inside, new { outcome = "safe" }));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Post, "api/panic", inside, new { region = scenario.Region, incident = "threat" }));
    }

    [Fact]
    public async Task TheCoordinatorsTable_HoldsNoNameInClearAndOnlyTheTokensHash()
    {
        var name = "Saule Sealedname " + Guid.NewGuid().ToString("N")[..6];
        using var response = await host.SendAsync(HttpMethod.Post, "api/manage/coordinators", host.Host.AdminKey, new { name, role = "viewer", regions = new[] { "KZ" } });
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = created["coordinatorId"]!.GetValue<string>();
        var secret = created["token"]!.GetValue<string>()[(id.Length + 1)..];

        var table = host.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Coordinators);
        var row = (IDictionary<string, object>)(await table.GetEntityAsync<TableEntity>("coord", id)).Value;

        Assert.DoesNotContain(row.Values.OfType<string>(), v => v.Contains("Sealedname", StringComparison.Ordinal) || v.Contains(secret, StringComparison.Ordinal));
        Assert.Equal(name, (await JsonAsync(HttpMethod.Get, $"api/manage/coordinators/{id}", host.Host.AdminKey))["name"]!.GetValue<string>());
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await host.SendAsync(method, path, token, body);
        return response.StatusCode;
    }

    private async Task<JsonObject> JsonAsync(HttpMethod method, string path, string? token) =>
        (await JsonNodeAsync(method, path, token)).AsObject();

    private async Task<JsonNode> JsonNodeAsync(HttpMethod method, string path, string? token)
    {
        using var response = await host.SendAsync(method, path, token);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
