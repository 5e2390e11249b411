using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A message that failed every attempt is parked, the operator hears of it, and a replay finishes the job.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PoisonReplayTests(LocalHostFixture host)
{
    [Fact]
    public async Task PoisonedAlert_IsParked_TheOperatorIsAlerted_AndAReplayAlertsTheLawyers()
    {
        var scenario = await Scenario.CreateAsync(host);
        var organizerId = scenario.OrganizerToken.Split('.')[0];
        var now = DateTimeOffset.UtcNow;
        var alert = new Alert(
            Guid.CreateVersion7().ToString("N"), organizerId, scenario.Region, Incident.Detention, null, "Held at the station", [], null, now, now, Silent: false);
        await host.Host.Services.GetRequiredService<AlertStore>().CreateAsync(alert, new TimelineEntry(now, "accepted", "Alert accepted"), CancellationToken.None);

        // Its alerts message failed every attempt: the runtime (or the local host's pump) moved it to alerts-poison.
        await host.Host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient("alerts-poison")
            .SendMessageAsync($$"""{"alertId":"{{alert.Id}}"}""");

        await host.StandIns.WaitForAsync(
            r => r.Sms.Any(s => s.To == LocalHostFixture.OperatorPhone && s.Body.Contains(alert.Id, StringComparison.Ordinal))
                 && r.Emails.Any(e => e.To.Contains(LocalHostFixture.OperatorEmail) && e.Text!.Contains(alert.Id, StringComparison.Ordinal)),
            Patience.Delivery);
        Assert.DoesNotContain(host.StandIns.Sms, s => scenario.LawyerPhones.Contains(s.To));

        using var listed = await host.SendAsync(HttpMethod.Get, "api/manage/poison/alerts", host.Host.AdminKey);
        var parked = (await listed.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Contains(parked, p => p!["body"]!.GetValue<string>().Contains(alert.Id, StringComparison.Ordinal) && p["operatorAlerted"]!.GetValue<bool>());

        using var replay = await host.SendAsync(HttpMethod.Post, "api/manage/poison/alerts/replay", host.Host.AdminKey, new { });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<JsonObject>())!["replayed"]!.GetValue<int>() >= 1);

        await host.StandIns.WaitForAsync(r => scenario.LawyerPhones.All(p => r.Sms.Any(s => s.To == p)), Patience.Delivery);
    }

    [Theory]
    [InlineData("GET", "api/manage/poison/alerts", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "api/manage/poison/alerts/replay", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "api/manage/poison/Contacts/replay", "admin", HttpStatusCode.NotFound)]
    public async Task PoisonEndpoints_AreForTheAdminAndWatchedQueuesOnly(string method, string path, string? who, HttpStatusCode expected)
    {
        using var response = await host.SendAsync(new HttpMethod(method), path, who is null ? null : host.Host.AdminKey, method == "POST" ? new { } : null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
