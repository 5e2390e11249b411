using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Channels.Voice;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Responses;
using RapidResponse.Statements;

namespace RapidResponse.Recipients;

/// <summary>
/// What a call does once Twilio has it: reads the alert (or hangs up on an answering machine), takes the key press
/// (1 acknowledges and 2 declines, through <see cref="RecipientActions"/>, exactly as a reply or the recipient's page
/// does), and writes the call's progress on the timeline. A call without a press changes nothing, and the organizer
/// hears nothing of it. Every answer is TwiML; a reference that names no call hangs up.
/// </summary>
public sealed partial class CallAnswers(
    AlertStore alerts,
    RecipientActions actions,
    DeliveryFeedback feedback,
    IOptions<RapidResponseOptions> service,
    TimeProvider time,
    ILogger<CallAnswers> logger)
{
    /// <summary>The TwiML Twilio fetches when the call is answered; <paramref name="answeredBy"/> is its machine detection's verdict.</summary>
    public async Task<string> TwimlAsync(string reference, string? answeredBy, CancellationToken cancellationToken)
    {
        if (await CallAsync(reference, cancellationToken) is not { } found)
        {
            return VoiceTwiml.Final(null, null);
        }

        var (alert, call) = found;

        if (IsMachine(answeredBy))
        {
            // A voicemail would keep the alert on a phone others may see; the lawyer has the SMS.
            const string voicemail = "reached voicemail; no message left";
            await TimelineAsync(alert, call, voicemail, cancellationToken);
            await feedback.ApplyAsync(new ProviderReport(alert.Id, call.Id, DeliveryState.Failed, null, voicemail), cancellationToken);
            return VoiceTwiml.Final(null, null);
        }

        var texts = CallTexts.For(call.Language);
        return IsClosed(alert)
            ? VoiceTwiml.Final(texts, texts.Closed)
            : VoiceTwiml.Alert(texts, texts.Alert(alert), GatherUrl(reference));
    }

    /// <summary>The key pressed: 1 responding, 2 cannot go; any other key asks again.</summary>
    public async Task<string> GatherAsync(string reference, string? digits, CancellationToken cancellationToken)
    {
        if (await CallAsync(reference, cancellationToken) is not { } found)
        {
            return VoiceTwiml.Final(null, null);
        }

        var (alert, call) = found;

        var texts = CallTexts.For(call.Language);
        var alerted = await alerts.GetDeliveryAsync(alert.Id, DeliveryKinds.AlertDeliveryId(call), cancellationToken);
        if (alerted is null)
        {
            return VoiceTwiml.Final(null, null);
        }

        var target = new RecipientTarget(alert, alerted);
        switch (digits?.Trim())
        {
            case "1":
                LogPressed(alert.Id, 1);
                return await actions.AcknowledgeAsync(target, Channel.Call, cancellationToken) is null
                    ? VoiceTwiml.Final(texts, texts.Acknowledged)
                    : VoiceTwiml.Final(texts, texts.Closed);
            case "2":
                LogPressed(alert.Id, 2);
                // Refused only when this lawyer acknowledged already, or the alert is closed: either way nothing to do.
                await actions.DeclineAsync(target, cancellationToken);
                return VoiceTwiml.Final(texts, IsClosed(alert) ? texts.Closed : texts.Declined);
            default:
                return VoiceTwiml.Prompt(texts, GatherUrl(reference));
        }
    }

    /// <summary>Twilio's call progress, on the timeline: ringing, answered, completed, no answer, busy, failed.</summary>
    public async Task StatusAsync(string reference, string? callStatus, string? answeredBy, CancellationToken cancellationToken)
    {
        var words = Words(callStatus, answeredBy);
        if (words is null || await CallAsync(reference, cancellationToken) is not { } found)
        {
            return;
        }

        await TimelineAsync(found.Alert, found.Delivery, words, cancellationToken);
        if (Outcome(callStatus, answeredBy) is { } state)
        {
            // The call's row, forward only (a late 'ringing' after 'no answer' changes nothing), as for an SMS.
            await feedback.ApplyAsync(new ProviderReport(found.Alert.Id, found.Delivery.Id, state, null, words), cancellationToken);
        }
    }

    /// <summary>
    /// What the call's row becomes when the call ends: <c>delivered</c> when it was answered (a voicemail was marked
    /// <c>failed</c> already, when its TwiML was fetched), <c>failed</c> when nobody answered.
    /// </summary>
    public static DeliveryState? Outcome(string? callStatus, string? answeredBy) => callStatus?.Trim().ToLowerInvariant() switch
    {
        "completed" => IsMachine(answeredBy) ? DeliveryState.Failed : DeliveryState.Delivered,
        "no-answer" or "busy" or "failed" or "canceled" => DeliveryState.Failed,
        _ => null,
    };

    public static string? Words(string? callStatus, string? answeredBy) => callStatus?.Trim().ToLowerInvariant() switch
    {
        "ringing" => "ringing",
        "in-progress" or "answered" => IsMachine(answeredBy) ? "answered by a machine" : "answered",
        "completed" => "completed",
        "no-answer" => "no answer",
        "busy" => "busy",
        "failed" => "failed",
        "canceled" => "canceled",
        _ => null,
    };

    /// <summary>The alert and the call's own delivery row (the target's delivery here is the call, not the alert SMS).</summary>
    private async Task<RecipientTarget?> CallAsync(string reference, CancellationToken cancellationToken)
    {
        if (!ProviderReport.TrySplitReference(reference, out var alertId, out var deliveryId)
            || await alerts.GetAsync(alertId, cancellationToken) is not { } alert
            || await alerts.GetDeliveryAsync(alertId, deliveryId, cancellationToken) is not { Kind: DeliveryKind.Call } call)
        {
            LogUnknown();
            return null;
        }

        return new RecipientTarget(alert, call);
    }

    private async Task TimelineAsync(Alert alert, Delivery call, string words, CancellationToken cancellationToken) =>
        await alerts.AppendTimelineAsync(
            alert.Id, new TimelineEntry(time.GetUtcNow(), "call", $"Call to {Names.Of(call)} ({call.Role.ToWire()}): {words}"), cancellationToken);

    private Uri GatherUrl(string reference) => service.Value.Link(VoiceRoutes.For(VoiceRoutes.Gather, reference));

    /// <summary>Twilio's <c>AnsweredBy</c>: <c>human</c>, <c>unknown</c>, <c>fax</c> or <c>machine_start</c> (and <c>machine_end_*</c>).</summary>
    private static bool IsMachine(string? answeredBy) =>
        answeredBy is { } by && (by.StartsWith("machine", StringComparison.OrdinalIgnoreCase) || by.Equals("fax", StringComparison.OrdinalIgnoreCase));

    private static bool IsClosed(Alert alert) => alert.Status == AlertStatus.Resolved && alert.DuressAt is null;

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Alert {AlertId}: a called lawyer pressed {Digit}")]
    private partial void LogPressed(string alertId, int digit);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "A voice webhook named no call RapidResponse placed")]
    private partial void LogUnknown();
}
