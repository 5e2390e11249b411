using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// A sealed value copied into another row (someone with write access to storage plants a number on a lawyer's row):
/// the service refuses it with an error that names the row and column, the press is not lost but parked for the
/// operator, nothing goes to the planted number, no log carries a value, and once the row is mended a replay
/// alerts everyone.
/// </summary>
public sealed class TamperedRowTests(FastRetryHostFixture host) : IClassFixture<FastRetryHostFixture>
{
    [Fact]
    public async Task APhoneCopiedFromAnotherContact_IsRefused_ThePressIsParked_AndAfterTheRowIsMendedAReplayAlertsEveryone()
    {
        var scenario = await Scenario.CreateAsync(host);
        var contacts = host.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Contacts);
        var first = (await contacts.GetEntityAsync<TableEntity>(scenario.Region, "lawyer0")).Value;
        await contacts.UpdateEntityAsync(
            new TableEntity(scenario.Region, "lawyer1") { ["Phone"] = first.GetString("Phone") }, ETag.All, TableUpdateMode.Merge);

        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();

        // The fan-out fails its tries on the row that does not verify, and the press is parked; the operator is told.
        await host.StandIns.WaitForAsync(
            r => r.Sms.Any(s => s.To == LocalHostFixture.OperatorPhone && s.Body.Contains(alertId, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Contacts ({scenario.Region}, lawyer1) column Phone cannot be read", StringComparison.Ordinal));
        Assert.DoesNotContain(host.StandIns.Sms, s => scenario.LawyerPhones.Contains(s.To));
        foreach (var secret in scenario.LawyerPhones.SelectMany(p => new[] { p, p[1..] }).Append("enc:v2:").Append("Lawyer0 Test"))
        {
            Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        using (var state = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", scenario.OrganizerToken))
        {
            Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        }

        // The coordinator writes the contact again (sealed for its own row), and replays the parked press.
        await Scenario.PutContactAsync(host, "lawyer1", new { name = "Lawyer1 Test", region = scenario.Region, role = "lawyer", tier = 1, phone = scenario.LawyerPhones[1], language = "en" });
        using var replay = await host.SendAsync(HttpMethod.Post, "api/manage/poison/alerts/replay", host.Host.AdminKey, new { });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<JsonObject>())!["replayed"]!.GetValue<int>() >= 1);

        await host.StandIns.WaitForAsync(
            r => scenario.LawyerPhones.All(p => r.Sms.Count(s => s.To == p && s.Body.Contains(Responders.Reference(alertId), StringComparison.Ordinal)) == 1),
            Patience.Delivery);
    }
}
