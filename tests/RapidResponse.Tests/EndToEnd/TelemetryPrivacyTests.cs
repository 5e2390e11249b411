using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Telemetry;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A whole press, from the panic request to the last send, leaves no phone number or email in logs or telemetry.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class TelemetryPrivacyTests(LocalHostFixture host)
{
    private static readonly TimeSpan SendTimeout = Patience.Delivery;

    [Fact]
    public async Task AWholePress_LeavesNoPhoneOrEmailInLogsSpansOrMetrics_AndOneTraceCarriesTheAlertId()
    {
        using var telemetry = new TelemetryCapture();
        var scenario = await Scenario.CreateAsync(host);

        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        await WaitUntilAllSentAsync(scenario, alertId);
        await WaitForAsync(() => Steps(telemetry, alertId).Count(s => s.OperationName == "delivery.send") >= 3);

        var captured = host.Logs.Lines.Concat(telemetry.Texts()).ToList();
        Assert.NotEmpty(captured);
        foreach (var secret in Secrets(scenario))
        {
            Assert.DoesNotContain(captured, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        var steps = Steps(telemetry, alertId);
        Assert.Contains(steps, s => s.OperationName == "alert.accept");
        Assert.Contains(steps, s => s.OperationName == "alert.fan-out");
        // Two lawyers' SMS and one email request for both NGOs.
        Assert.True(steps.Count(s => s.OperationName == "delivery.send") >= 3);
        Assert.Single(steps.Select(s => s.TraceId).Distinct());

        Assert.Contains(telemetry.Measurements, m => m.Instrument == "rapidresponse.alerts.accepted");
        Assert.Contains(telemetry.Measurements, m => m.Instrument == "rapidresponse.fanout.recipients");
        Assert.Contains(telemetry.Measurements, m => m.Instrument == "rapidresponse.send.duration" && m.Text.Contains("channel=sms outcome=accepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcknowledgementsUpdatesAndResolve_LeaveNoPhoneOrEmailInLogsOrTelemetry()
    {
        using var telemetry = new TelemetryCapture();
        var scenario = await Scenario.CreateAsync(host);
        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        var reference = Responders.Reference(alertId);
        await WaitUntilAllSentAsync(scenario, alertId);

        using var yes = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "YES");
        var link = PageLinks.FromEmail(host, scenario.NgoEmails[0], reference);
        using var clicked = await host.Client.PostAsync(link + "/ack", null);
        await Responders.WaitForTimelineAsync(host, alertId, "acknowledged", 2, SendTimeout);
        using var update = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", scenario.OrganizerToken, new { status = "charged" });
        using var resolve = await host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/resolve", scenario.OrganizerToken, new { outcome = "released" });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Responders.SmsTo(host, p, reference).Any(b => b.Contains("resolved", StringComparison.Ordinal))), SendTimeout);

        var captured = host.Logs.Lines.Concat(telemetry.Texts()).ToList();
        foreach (var secret in Secrets(scenario))
        {
            Assert.DoesNotContain(captured, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static List<System.Diagnostics.Activity> Steps(TelemetryCapture telemetry, string alertId) => telemetry.Spans
        .Where(s => s.Source.Name == RapidResponseTelemetry.Name && Equals(s.GetTagItem(RapidResponseTelemetry.AlertIdTag), alertId))
        .ToList();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < SendTimeout, "The expected telemetry did not come in time.");
            await Task.Delay(25);
        }
    }

    /// <summary>Every phone as given and as bare digits, and every email address.</summary>
    private static IEnumerable<string> Secrets(Scenario scenario) =>
        scenario.LawyerPhones.Concat(scenario.DecoyPhones).SelectMany(p => new[] { p, p.TrimStart('+') })
            .Concat(scenario.NgoEmails);

    private async Task WaitUntilAllSentAsync(Scenario scenario, string alertId)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}", scenario.OrganizerToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var deliveries = status["deliveries"]!.AsArray();
            if (deliveries.Count == 4 && deliveries.All(d => d!["state"]!.GetValue<string>() == "sent"))
            {
                return;
            }

            Assert.True(elapsed.Elapsed < SendTimeout, "Deliveries not all sent in time: " + status.ToJsonString());
            await Task.Delay(50);
        }
    }
}
