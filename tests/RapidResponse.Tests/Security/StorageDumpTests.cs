using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Security;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>
/// With a data key configured (the local host fixture sets one), a storage dump alone reveals neither contact details
/// nor who defends whom: every property of every row of every table, read with the Azure SDK, after a whole alert.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class StorageDumpTests(LocalHostFixture host)
{
    [Fact]
    public async Task AfterAPress_ContactOrganizerAndAlertRowsHoldNoPhoneOrEmailInClear()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await Responders.WaitForTimelineAsync(host, alertId, "fan-out", 1, Patience.Delivery);
        var tables = host.Host.Services.GetRequiredService<TableServiceClient>();

        var rows = new List<TableEntity>();
        rows.AddRange(await tables.GetTableClient(TableNames.Contacts).QueryAsync<TableEntity>(e => e.PartitionKey == scenario.Region || e.PartitionKey == scenario.Country).ToListAsync());
        rows.AddRange(await tables.GetTableClient(TableNames.Alerts).QueryAsync<TableEntity>(e => e.PartitionKey == alertId).ToListAsync());
        var organizerId = scenario.OrganizerToken[..scenario.OrganizerToken.IndexOf('.', StringComparison.Ordinal)];
        var organizer = await tables.GetTableClient(TableNames.Organizers).GetEntityAsync<TableEntity>("org", organizerId);
        rows.Add(organizer.Value);
        Assert.StartsWith(FieldCipher.Prefix, organizer.Value.GetString("Phone"), StringComparison.Ordinal);
        var dump = Dump(rows);

        Assert.Contains(rows, r => r.RowKey.StartsWith("d|", StringComparison.Ordinal));
        foreach (var secret in scenario.LawyerPhones.Concat(scenario.DecoyPhones).SelectMany(p => new[] { p, p.TrimStart('+') }).Concat(scenario.NgoEmails.Take(1)))
        {
            Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
        }

        // And the service still reaches everyone: the lawyers got their SMS.
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, Responders.Reference(alertId)).Count > 0), Patience.Delivery);
    }

    [Fact]
    public async Task AfterAWholeAlert_NoTableHoldsANamePlaceMessagePhoneOrEmailInClear()
    {
        // m marks every name, place and text; ids (row keys, opaque by design) are made apart from it.
        var m = Guid.NewGuid().ToString("N")[..8];
        var id = Guid.NewGuid().ToString("N")[..8];
        var (country, region) = TestData.Region();
        var (lawyerPhone, otherLawyerPhone, organizerPhone) = (TestData.Phone(), TestData.Phone(), TestData.Phone());
        var ngoEmail = TestData.Email("ngo");
        await Scenario.PutContactAsync(host, "l1" + id, new { name = $"Ai{m} Nurlanovna", region, role = "lawyer", tier = 1, phone = lawyerPhone, language = "en" });
        await Scenario.PutContactAsync(host, "l2" + id, new { name = $"Bo{m} Seitkali", region, role = "lawyer", tier = 1, phone = otherLawyerPhone, language = "en" });
        await Scenario.PutContactAsync(host, "n1" + id, new { name = $"Rights{m} Bureau", region = country, role = "ngo", tier = 1, email = ngoEmail });
        await host.InternationalNgoAsync();
        string token;
        using (var created = await host.SendAsync(HttpMethod.Post, "api/manage/organizers", host.Host.AdminKey, new { name = $"Da{m} Organizer", regions = new[] { region }, phone = organizerPhone }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            token = (await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        }

        string eventId;
        using (var registered = await host.SendAsync(HttpMethod.Post, "api/events", token, new
        {
            name = $"Workshop{m}",
            region,
            place = new { text = $"Hall{m}, Abay St", lat = 42.318431, lon = 69.596217 },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-20),
            endsAt = DateTimeOffset.UtcNow.AddHours(2),
            people = new[] { new { name = $"Zh{m} Sarsenova", role = "speaker", publicName = false } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            eventId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["eventId"]!.GetValue<string>();
        }

        string alertId;
        using (var press = await host.SendAsync(HttpMethod.Post, "api/panic", token, new
        {
            region,
            incident = "detention",
            eventId,
            location = new { lat = 42.341723, lon = 69.590147, accuracyM = 17.25, text = $"Centre{m}, Tauke Khan Ave" },
            message = $"Police took Er{m} away",
            people = new[] { new { name = $"Er{m} Tulegenov", role = "co-founder", publicName = true } },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, press.StatusCode);
            alertId = (await press.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>();
        }

        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => new[] { lawyerPhone, otherLawyerPhone }.All(p => Responders.SmsTo(host, p, reference).Count > 0), Patience.Delivery);
        var link = PageLinks.FromSms(host, lawyerPhone, reference);
        await PostAsync(link + "/ack");
        await PostAsync(link + "/status", new { status = "other", note = $"Note{m} from the station" });
        await PostAsync(PageLinks.FromSms(host, otherLawyerPhone, reference) + "/decline");
        using (var update = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", token, new { status = "charged", message = $"Moved{m} to the city court" }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        await Responders.WaitForTimelineAsync(host, alertId, "update", 1, Patience.Delivery);
        var status = await Responders.WaitForTimelineAsync(host, alertId, "responder-status", 1, Patience.Delivery);

        // The organizer reads everything back in clear: the sealed rows open for the service.
        Assert.Equal($"Ai{m}", Assert.Single(status["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Contains(status["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>().Contains($"Note{m}", StringComparison.Ordinal));
        var state = JsonNode.Parse(await host.Client.GetStringAsync(link + "/state"))!;
        Assert.Equal($"Police took Er{m} away", state["alert"]!["message"]!.GetValue<string>());
        Assert.Equal($"Er{m} Tulegenov", state["alert"]!["people"]![0]!["name"]!.GetValue<string>());

        var tables = host.Host.Services.GetRequiredService<TableServiceClient>();
        var rows = new List<TableEntity>();
        foreach (var name in TableNames.All)
        {
            rows.AddRange(await tables.GetTableClient(name).QueryAsync<TableEntity>().ToListAsync());
        }

        var dump = Dump(rows);
        Assert.Contains(alertId, dump, StringComparison.Ordinal);

        // A short number such as the accuracy could match any timestamp's digits: its column is checked instead.
        var alertRow = Assert.Single(rows, r => r.PartitionKey == alertId && r.RowKey == "alert");
        Assert.StartsWith(FieldCipher.Prefix, alertRow.GetString("Place"), StringComparison.Ordinal);
        Assert.All(new[] { "Lat", "Lon", "AccuracyM", "LocationText" }, column => Assert.False(alertRow.ContainsKey(column) && alertRow[column] is not null, column));
        string[] secrets =
        [
            m, lawyerPhone, otherLawyerPhone, organizerPhone, ngoEmail,
            lawyerPhone[1..], otherLawyerPhone[1..], organizerPhone[1..], ngoEmail.Split('@')[0],
            "42.318431", "69.596217", "42.341723", "69.590147",
            "Nurlanovna", "Seitkali", "Sarsenova", "Tulegenov", "Tauke Khan", "Abay St", "city court", "from the station",
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
        }
    }

    private static string Dump(IEnumerable<TableEntity> rows) =>
        string.Join('\n', rows.SelectMany(r => r.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture))));

    private async Task PostAsync(string url, object? body = null)
    {
        using var response = body is null ? await host.Client.PostAsync(url, null) : await host.Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
