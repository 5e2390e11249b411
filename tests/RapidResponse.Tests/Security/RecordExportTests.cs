using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RapidResponse.Http;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>The exported record of a real alert (press, receipts, acknowledgement, update, resolve) verifies.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class RecordExportTests(LocalHostFixture host)
{
    [Fact]
    public async Task RecordOfAWholeAlert_Verifies_ForTheOrganizerAndTheAdmin()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], Responders.Reference(alertId)).Count > 0, Patience.Delivery);
        using var yes = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "YES");
        await Responders.WaitForTimelineAsync(host, alertId, "acknowledged", 1, Patience.Delivery);
        using var update = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", scenario.OrganizerToken, new { status = "charged" });
        using var resolve = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "released" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);

        foreach (var token in new[] { scenario.OrganizerToken, host.Host.AdminKey })
        {
            using var response = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var record = (await response.Content.ReadFromJsonAsync(ApiJson.Default.AlertRecordExport))!;
            Assert.Equal(RecordCheck.Ok, RecordVerifier.Verify(record.Entries, record.HeadSeq, record.HeadHash));
            Assert.Equal("accepted", record.Entries[0].Kind);
            Assert.Contains(record.Entries, e => e.Kind == "acknowledged");
            Assert.Contains(record.Entries, e => e.Kind == "update");
            Assert.Contains(record.Entries, e => e.Kind == "resolved");
            Assert.DoesNotContain(scenario.LawyerPhones[0], JsonSerializer.Serialize(record, ApiJson.Default.AlertRecordExport), StringComparison.Ordinal);
        }
    }
}
