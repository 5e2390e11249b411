using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>The routes the coordinators' console reads: the live board, the import's dry run, organizers, statement sources.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ConsoleApiTests(LocalHostFixture host)
{
    [Fact]
    public async Task Board_ListsAnOpenAlertWithItsPlaceAndEscalation_AndDropsItOnceResolved()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();

        var line = await LineAsync(alertId);
        Assert.Equal(scenario.Region, line["region"]!.GetValue<string>());
        Assert.Equal("detention", line["incident"]!.GetValue<string>());
        Assert.True(line["escalationDueAt"]!.GetValue<DateTimeOffset>() > line["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(line["responding"]!.AsArray());

        using (var detail = await host.SendAsync(HttpMethod.Get, $"api/manage/alerts/{alertId}", host.Host.AdminKey))
        {
            var body = (await detail.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(body["check"]!["valid"]!.GetValue<bool>());
            Assert.Equal(body["record"]!["headHash"]!.GetValue<string>(), body["fingerprint"]!.GetValue<string>());
            Assert.DoesNotContain(scenario.LawyerPhones[0], body.ToJsonString(), StringComparison.Ordinal);
        }

        using (var resolved = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "safe" }))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        Assert.DoesNotContain(await BoardAsync(), a => a!["alertId"]!.GetValue<string>() == alertId);
    }

    [Fact]
    public async Task ACoordinatorAccount_SeesOnlyItsRegionsOnTheBoard_AndItsDetailReadsAndRegionChangesAreAudited()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        var (inside, insideToken) = await AccountAsync("coordinator", scenario.Country);
        var (_, outsideToken) = await AccountAsync("coordinator", TestData.Region().Country);
        using var enrolled = await host.SendAsync(HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey, new { name = "Scoped Organizer", regions = new[] { scenario.Region } });
        var organizerId = (await enrolled.Content.ReadFromJsonAsync<JsonObject>())!["organizerId"]!.GetValue<string>();

        await LineAsync(alertId); // the fan-out has put it on the board
        Assert.Contains(await BoardAsync(insideToken), a => a!["alertId"]!.GetValue<string>() == alertId);
        Assert.DoesNotContain(await BoardAsync(outsideToken), a => a!["alertId"]!.GetValue<string>() == alertId);
        using (var hidden = await host.SendAsync(HttpMethod.Get, $"api/manage/alerts/{alertId}", outsideToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var hidden = await host.SendAsync(HttpMethod.Put, $"api/manage/organizers/{organizerId}/regions", outsideToken, new { regions = new[] { scenario.Country } }))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var detail = await host.SendAsync(HttpMethod.Get, $"api/manage/alerts/{alertId}", insideToken))
        {
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        }

        using (var moved = await host.SendAsync(HttpMethod.Put, $"api/manage/organizers/{organizerId}/regions", insideToken, new { regions = new[] { scenario.Country } }))
        {
            Assert.Equal(scenario.Country, Assert.Single((await moved.Content.ReadFromJsonAsync<JsonObject>())!["regions"]!.AsArray())!.GetValue<string>());
        }

        using var audit = await host.SendAsync(HttpMethod.Get, $"api/manage/audit?actor={inside}", host.Host.AdminKey);
        var entries = (await audit.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray()
            .Select(e => (e!["action"]!.GetValue<string>(), e["entity"]!.GetValue<string>(), e["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToArray()))
            .ToList();
        Assert.Contains(("alert.read", "alert:" + alertId), entries.Select(e => (e.Item1, e.Item2)));
        Assert.Contains(entries, e => e.Item1 == "organizer.regions" && e.Item2 == "organizer:" + organizerId && e.Item3.SequenceEqual(["regions"]));
    }

    private async Task<(string Id, string Token)> AccountAsync(string role, string region)
    {
        using var created = await host.SendAsync(HttpMethod.Post, "api/manage/coordinators", host.Host.AdminKey, new { name = "Board " + role, role, regions = new[] { region } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["coordinatorId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Board_RemovesAnIndexRowWhoseAlertIsGone_WhenItReadsIt()
    {
        var open = host.Host.Services.GetRequiredService<OpenAlerts>();
        var now = DateTimeOffset.UtcNow;
        var purged = new Alert("purged-" + Guid.NewGuid().ToString("N")[..12], "org", "KZ-SHY", Incident.Threat, null, null, [], null, now, now, Silent: false);
        await open.OpenedAsync(purged, CancellationToken.None);

        Assert.DoesNotContain(await BoardAsync(), a => a!["alertId"]!.GetValue<string>() == purged.Id);
        Assert.DoesNotContain(await open.ListAsync(CancellationToken.None), o => o.AlertId == purged.Id);
    }

    [Fact]
    public async Task Board_RefusesAnotherState_AndAnyoneWithoutTheKey()
    {
        using var closed = await host.SendAsync(HttpMethod.Get, "api/manage/alerts?state=resolved", host.Host.AdminKey);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closed.StatusCode);
        Assert.True((await closed.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("state"));

        using var anonymous = await host.SendAsync(HttpMethod.Get, "api/manage/alerts", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ImportDryRun_ReportsTheRowsItWouldSaveMasked_AndSavesNothing()
    {
        var (_, region) = TestData.Region();
        var phone = TestData.Phone();
        using var content = new StringContent($"name,region,role,tier,phone\nAigerim N.,{region},lawyer,1,{phone}\nBad Phone,{region},lawyer,1,+7123\n", Encoding.UTF8, "text/csv");

        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "api/manage/contacts/import?dryRun=true", host.Host.AdminKey, content));

        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((1, 1, true), (report["imported"]!.GetValue<int>(), report["rejected"]!.GetValue<int>(), report["dryRun"]!.GetValue<bool>()));
        Assert.Equal(3, report["errors"]![0]!["row"]!.GetValue<int>());
        var would = Assert.Single(report["contacts"]!.AsArray())!;
        Assert.Equal("Aigerim N.", would["name"]!.GetValue<string>());
        Assert.DoesNotContain(phone, report.ToJsonString(), StringComparison.Ordinal);
        using var listed = await host.SendAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", host.Host.AdminKey);
        Assert.Empty((await listed.Content.ReadFromJsonAsync<JsonArray>())!);
    }

    [Fact]
    public async Task Organizers_AreListedWithoutSecrets_GetNewRegions_AndTheirSignInLinkCarriesTheToken()
    {
        var (_, region) = TestData.Region();
        using var created = await host.SendAsync(HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey, new { name = "Listed Organizer", regions = new[] { region }, phone = TestData.Phone() });
        var issued = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var (id, token) = (issued["organizerId"]!.GetValue<string>(), issued["token"]!.GetValue<string>());
        Assert.Equal(host.Host.BaseUrl.AbsoluteUri + "api/app#token=" + Uri.EscapeDataString(token), issued["signInLink"]!.GetValue<string>());
        Assert.StartsWith("data:image/png;base64,", issued["signInQr"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("no-store", created.Headers.CacheControl!.ToString());

        using var regions = await host.SendAsync(HttpMethod.Put, $"api/manage/organizers/{id}/regions", host.Host.AdminKey, new { regions = new[] { region, "kz-ala" } });
        Assert.Equal([region, "KZ-ALA"], (await regions.Content.ReadFromJsonAsync<JsonObject>())!["regions"]!.AsArray().Select(r => r!.GetValue<string>()));
        using var bad = await host.SendAsync(HttpMethod.Put, $"api/manage/organizers/{id}/regions", host.Host.AdminKey, new { regions = new[] { region, "not a region" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("regions[1]"));

        using var listed = await host.SendAsync(HttpMethod.Get, "api/manage/organizers", host.Host.AdminKey);
        var text = await listed.Content.ReadAsStringAsync();
        var mine = JsonNode.Parse(text)!.AsArray().Single(o => o!["organizerId"]!.GetValue<string>() == id)!;
        Assert.Equal([region, "KZ-ALA"], mine["regions"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain(token.Split('.')[1], text, StringComparison.Ordinal);
        Assert.Null(mine["phone"]);
        using var config = await host.SendAsync(HttpMethod.Get, "api/app/config", token);
        Assert.Equal(2, (await config.Content.ReadFromJsonAsync<JsonObject>())!["organizer"]!["regions"]!.AsArray().Count);
    }

    [Fact]
    public async Task StatementSources_AreListedAndReadAsTheyAreUsed()
    {
        using var list = await host.SendAsync(HttpMethod.Get, "api/manage/statements", host.Host.AdminKey);
        var sources = (await list.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("statement.attack.ru.liquid", sources["templates"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("KZ", sources["profiles"]!.AsArray().Select(t => t!.GetValue<string>()));

        using var template = await host.SendAsync(HttpMethod.Get, "api/manage/statements/templates/statement.attack.en.liquid", host.Host.AdminKey);
        Assert.Equal("text/plain", template.Content.Headers.ContentType!.MediaType);
        Assert.Contains("{%", await template.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var profile = await host.SendAsync(HttpMethod.Get, "api/manage/statements/profiles/KZ", host.Host.AdminKey);
        var json = await profile.Content.ReadAsStringAsync();
        Assert.Equal("KZ", JsonNode.Parse(json)!["country"]!.GetValue<string>());
        Assert.Contains("Казахстан", json, StringComparison.Ordinal);
        using var back = await host.Client.SendAsync(host.Request(HttpMethod.Put, "api/manage/statements/profiles/KZ", host.Host.AdminKey, new StringContent(json, Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);

        using var missing = await host.SendAsync(HttpMethod.Get, "api/manage/statements/templates/no.such.liquid", host.Host.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The alert's line, once the fan-out has put it on the board.</summary>
    private async Task<JsonNode> LineAsync(string alertId)
    {
        var deadline = DateTime.UtcNow + Patience.Delivery;
        while (true)
        {
            if ((await BoardAsync()).FirstOrDefault(a => a!["alertId"]!.GetValue<string>() == alertId) is { } line)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{alertId} never reached the board");
            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<JsonNode?>> BoardAsync(string? token = null)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "api/manage/alerts?state=open", token ?? host.Host.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.ToList();
    }
}
