using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Audit;

/// <summary>The audit log as a coordinator's work fills it, over real HTTP, and the table as it is stored.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class AuditTrailTests(LocalHostFixture host)
{
    [Fact]
    public async Task EveryChangeAndRead_AppearsWithItsFieldNames_AndNoValueIsStored_AndTheChainsVerify()
    {
        var scenario = await Scenario.CreateAsync(host);
        var region = scenario.Region;
        var (ownerId, owner) = await Accounts.CreateAsync(host, "owner", scenario.Country);
        var phone = TestData.Phone();
        var email = TestData.Email("audited");
        var newEmail = TestData.Email("audited-new");
        var importEmail = TestData.Email("imported");
        const string name = "Gulnara Audited-Secretname";
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);

        await OkAsync(HttpMethod.Put, "api/manage/contacts/audited", owner, new { name, region, role = "lawyer", tier = 1, phone, email });
        await OkAsync(HttpMethod.Put, "api/manage/contacts/audited", owner, new { name, region, role = "lawyer", tier = 1, phone, email = newEmail });
        await OkAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", owner);
        using (var import = host.Request(HttpMethod.Post, "api/manage/contacts/import", owner, new StringContent($"name,region,role,email\nImported Secretperson,{region},ngo,{importEmail}\n", Encoding.UTF8, "text/csv")))
        using (var imported = await host.Client.SendAsync(import))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var organizer = await JsonAsync(HttpMethod.Post, "api/manage/organizers", owner, new { name = "Organizer Secretname", regions = new[] { region }, phone = TestData.Phone() });
        var organizerId = organizer["organizerId"]!.GetValue<string>();
        await OkAsync(HttpMethod.Post, $"api/manage/organizers/{organizerId}/token", owner);
        await OkAsync(HttpMethod.Delete, $"api/manage/organizers/{organizerId}/token", owner);
        await OkAsync(HttpMethod.Put, $"api/manage/escalation-policies/{region}", owner, new { steps = new[] { new { afterSeconds = 600, scope = "chain", tier = 2 } } });
        var account = await JsonAsync(HttpMethod.Post, "api/manage/coordinators", owner, new { name = "Account Secretname", role = "viewer", regions = new[] { region } });
        var accountId = account["coordinatorId"]!.GetValue<string>();
        await OkAsync(HttpMethod.Patch, $"api/manage/coordinators/{accountId}", owner, new { role = "coordinator" });
        await OkAsync(HttpMethod.Post, $"api/manage/coordinators/{accountId}/token", owner);
        await OkAsync(HttpMethod.Delete, $"api/manage/coordinators/{accountId}/token", owner);
        await OkAsync(HttpMethod.Get, $"api/alerts/{alertId}", owner);
        await OkAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", owner);

        var page = await JsonAsync(HttpMethod.Get, $"api/manage/audit?actor={ownerId}", owner);
        var entries = page["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        string[] Summary(JsonObject e) => [e["action"]!.GetValue<string>(), e["entity"]!.GetValue<string>(), string.Join(',', e["fields"]!.AsArray().Select(f => f!.GetValue<string>()))];
        var lines = entries.Select(e => string.Join(' ', Summary(e))).ToList();
        Assert.Equal(
            [
                $"contact.create contact:{region}/audited name,role,tier,phone,email,language,active",
                $"contact.update contact:{region}/audited email",
                $"contacts.list contacts:{region} ",
            ],
            lines.Take(3));
        Assert.Matches($"^contact.import contact:{region}/c[0-9a-f]{{15}} name,region,role,email$", lines[3]);
        Assert.Equal(
            [
                $"organizer.create organizer:{organizerId} name,regions,phone,token",
                $"organizer.rotate organizer:{organizerId} token",
                $"organizer.revoke organizer:{organizerId} token,revoked",
                $"policy.put policy:{region} steps",
                $"coordinator.create coordinator:{accountId} name,role,regions,token",
                $"coordinator.change coordinator:{accountId} role",
                $"coordinator.rotate coordinator:{accountId} token",
                $"coordinator.revoke coordinator:{accountId} token,revoked",
                $"alert.read alert:{alertId} ",
                $"alert.record alert:{alertId} ",
            ],
            lines.Skip(4));
        Assert.All(entries, e => Assert.Equal(ownerId, e["actor"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e["seq"]!.GetValue<long>()));

        // The table itself, as someone with storage access reads it: no phone, email or name in any column.
        var secrets = new[] { phone, email, newEmail, importEmail, name, "Secretname", "Secretperson" };
        var table = host.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Audit);
        var rows = 0;
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows++;
            foreach (var value in ((IDictionary<string, object>)row).Values.OfType<string>())
            {
                Assert.DoesNotContain(secrets, s => value.Contains(s, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.True(rows >= entries.Count);
        var verified = await JsonAsync(HttpMethod.Get, "api/manage/audit/verify", host.Host.AdminKey);
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Contains(verified["chains"]!.AsArray(), c => c!["chain"]!.GetValue<string>().EndsWith("." + ownerId, StringComparison.Ordinal) && c["entries"]!.GetValue<long>() == entries.Count);
    }

    [Fact]
    public async Task AnOwnerReadsOnlyTheEntriesOfItsScope()
    {
        var (country, region) = TestData.Region();
        var (otherCountry, otherRegion) = TestData.Region();
        var (_, owner) = await Accounts.CreateAsync(host, "owner", country);
        var (otherId, other) = await Accounts.CreateAsync(host, "coordinator", otherCountry);
        await OkAsync(HttpMethod.Get, $"api/manage/contacts?region={otherRegion}", other);

        var page = await JsonAsync(HttpMethod.Get, $"api/manage/audit?actor={otherId}", owner);
        var admin = await JsonAsync(HttpMethod.Get, $"api/manage/audit?actor={otherId}", host.Host.AdminKey);

        Assert.Empty(page["entries"]!.AsArray());
        Assert.Equal([$"contacts:{otherRegion}"], admin["entries"]!.AsArray().Select(e => e!["entity"]!.GetValue<string>()));
        Assert.NotEqual(region, otherRegion);
    }

    private async Task OkAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var response = await host.SendAsync(method, path, token, body);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonObject> JsonAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var response = await host.SendAsync(method, path, token, body);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
