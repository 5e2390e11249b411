using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>
/// An escalation step that calls: over the local host, with the region's policy set to seconds, the Twilio Calls
/// stand-in recording the calls and the test playing Twilio's side of each (TwiML, key press, status), signed.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class VoiceCallTests(LocalHostFixture host)
{
    private static readonly TimeSpan Timeout = Patience.Delivery;

    [Fact]
    public async Task UnansweredLawyer_IsCalledAtTheStepNotBefore_Pressing1Acknowledges_OrganizerIsTold()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 3, call = true });
        var organizerPhone = TestData.Phone();
        var token = await Responders.OrganizerAsync(host, scenario.Region, organizerPhone);
        var pressedAt = DateTimeOffset.UtcNow;

        var alertId = await Responders.PressAsync(host, scenario, token);
        var reference = Responders.Reference(alertId);
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Callers.CallsTo(host, p).Count > 0), Timeout);

        var call = Assert.Single(Callers.CallsTo(host, lawyer));
        Assert.True(call.ReceivedAt - pressedAt >= TimeSpan.FromSeconds(2.9), "the lawyer was called before the step was due");
        Assert.Equal("Enable", call.MachineDetection);
        Assert.Empty(Callers.CallsTo(host, organizerPhone));
        Assert.All(scenario.DecoyPhones, decoy => Assert.Empty(Callers.CallsTo(host, decoy)));

        var twiml = await Callers.AnswerAsync(host, call);
        var says = Callers.Says(twiml);
        Assert.All(says, say => Assert.Equal("en-US", say.Attribute("language")?.Value));
        Assert.Equal(2, says.Count(s => s.Value.Contains("Zhanar S.", StringComparison.Ordinal) && s.Value.Contains("Community centre", StringComparison.Ordinal)));
        Assert.Contains(says, s => s.Value.Contains("detention", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Press 1", twiml.Element("Gather")!.Elements("Say").Last().Value, StringComparison.Ordinal);
        Assert.DoesNotContain(organizerPhone, twiml.ToString(), StringComparison.Ordinal);

        var answer = await Callers.PressAsync(host, call, twiml, "1");
        Assert.Contains("responding", Assert.Single(Callers.Says(answer)).Value, StringComparison.Ordinal);
        Assert.NotNull(answer.Element("Hangup"));

        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, organizerPhone, reference).Count > 0, Timeout);
        Assert.Contains("Lawyer0 (lawyer) is responding", Assert.Single(Responders.SmsTo(host, organizerPhone, reference)), StringComparison.Ordinal);
        var status = await Responders.StatusAsync(host, alertId, token);
        Assert.Equal("Lawyer0", Assert.Single(status["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
        var escalation = status["timeline"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "escalation")!["text"]!.GetValue<string>();
        Assert.Equal("Nobody acknowledged after 3 s: calling 2 lawyers", escalation);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Any(b => b.Contains("thank you", StringComparison.Ordinal)), Timeout);
    }

    [Fact]
    public async Task StatusCallbacks_AreOnTheTimeline_OnceEach_AndAVoicemailIsHungUpOnWithoutAcknowledging()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 1, call = true });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => Callers.CallsTo(host, lawyer).Count > 0, Timeout);
        var call = Callers.CallsTo(host, lawyer)[0];

        foreach (var status in new[] { "ringing", "ringing", "no-answer" })
        {
            using var response = await Callers.StatusAsync(host, call, status);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var voicemail = await Callers.AnswerAsync(host, call, answeredBy: "machine_start");
        Assert.Empty(Callers.Says(voicemail));
        Assert.NotNull(voicemail.Element("Hangup"));

        var timeline = (await Responders.WaitForTimelineAsync(host, alertId, "call", 3, Timeout))["timeline"]!.AsArray()
            .Where(t => t!["kind"]!.GetValue<string>() == "call").Select(t => t!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["Call to Lawyer0 (lawyer): ringing", "Call to Lawyer0 (lawyer): no answer", "Call to Lawyer0 (lawyer): reached voicemail; no message left"],
            timeline);
        Assert.Empty((await Responders.StatusAsync(host, alertId, scenario.OrganizerToken))["acknowledgements"]!.AsArray());
        // The call's own row ends as the call did; the voicemail after it (a late, odd callback) moves it no further.
        var row = (await host.Host.Services.GetRequiredService<AlertStore>().ReadAsync(alertId, CancellationToken.None))!.Deliveries
            .Single(d => d.Kind == DeliveryKind.Call && d.Address == lawyer);
        Assert.Equal((DeliveryState.Failed, "no answer"), (row.State, row.Error));
    }

    [Fact]
    public async Task AcknowledgedLawyer_IsNeverCalled()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 3, call = true });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, lawyer, reference).Count > 0, Timeout);
        using (var reply = await Responders.SmsAsync(host, lawyer, "YES " + reference))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var status = await Responders.WaitForTimelineAsync(host, alertId, "escalation", 1, Timeout);

        Assert.All(scenario.LawyerPhones, phone => Assert.Empty(Callers.CallsTo(host, phone)));
        var escalation = status["timeline"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "escalation")!["text"]!.GetValue<string>();
        Assert.Equal("Only lawyers acknowledged after 3 s: nobody to call", escalation);
    }

    [Fact]
    public async Task RedeliveredCallStep_CallsOnce()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 1, call = true });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await Responders.WaitForTimelineAsync(host, alertId, "escalation", 1, Timeout);
        await host.StandIns.WaitForAsync(_ => scenario.LawyerPhones.All(p => Callers.CallsTo(host, p).Count > 0), Timeout);

        // The queue offers the same step again (a worker died before deleting it, twice).
        var queue = host.Host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient("escalations");
        var message = JsonSerializer.Serialize(new { alertId, step = 1 });
        await queue.SendMessageAsync(message);
        await queue.SendMessageAsync(message);
        await WaitUntilTakenAsync(queue);

        Assert.All(scenario.LawyerPhones, phone => Assert.Single(Callers.CallsTo(host, phone)));
        var status = await Responders.StatusAsync(host, alertId, host.Host.AdminKey);
        Assert.Single(status["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "escalation");
    }

    [Fact]
    public async Task Pressing2_Declines_AndAcknowledgesNothing()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 1, call = true });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => Callers.CallsTo(host, lawyer).Count > 0, Timeout);
        var call = Callers.CallsTo(host, lawyer)[0];

        var answer = await Callers.PressAsync(host, call, await Callers.AnswerAsync(host, call), "2");

        Assert.Contains("Others are being alerted", Assert.Single(Callers.Says(answer)).Value, StringComparison.Ordinal);
        var status = await Responders.WaitForTimelineAsync(host, alertId, "declined", 1, Timeout);
        Assert.Contains(status["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Lawyer0 (lawyer) cannot go");
        Assert.Empty(status["acknowledgements"]!.AsArray());
    }

    [Fact]
    public async Task ForgedTwimlGatherAndStatusWebhooks_AreRefused()
    {
        var scenario = await Scenario.CreateAsync(host);
        await Responders.PolicyAsync(host, scenario.Region, new { afterSeconds = 1, call = true });
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var lawyer = scenario.LawyerPhones[0];
        await host.StandIns.WaitForAsync(_ => Callers.CallsTo(host, lawyer).Count > 0, Timeout);
        var call = Callers.CallsTo(host, lawyer)[0];
        var gather = call.Url.Replace("/voice?", "/voice/gather?", StringComparison.Ordinal);

        using var twiml = await Callers.PostAsync(host, call.Url, Callers.Fields(call, "in-progress"), authToken: "not-the-token");
        using var press = await Callers.PostAsync(host, gather, Callers.Fields(call, "in-progress", ("Digits", "1")), authToken: "not-the-token");
        using var status = await Callers.StatusAsync(host, call, "completed", authToken: "not-the-token");

        Assert.Equal(HttpStatusCode.Forbidden, twiml.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, press.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal("application/problem+json", status.Content.Headers.ContentType?.MediaType);
        var after = await Responders.StatusAsync(host, alertId, scenario.OrganizerToken);
        Assert.Empty(after["acknowledgements"]!.AsArray());
        Assert.DoesNotContain(after["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "call");
    }

    /// <summary>Until the escalations queue shows nothing due (other tests' later steps stay hidden): both copies were taken.</summary>
    private static async Task WaitUntilTakenAsync(QueueClient queue)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while ((await queue.PeekMessagesAsync(32)).Value.Length > 0)
        {
            Assert.True(started.Elapsed < Timeout, "the escalations queue still holds the redelivered step");
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // a taken message's handling (and any call it would place) finishes
    }
}
