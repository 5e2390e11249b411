using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Storage;
using RapidResponse.Telemetry;

namespace RapidResponse.Dispatch;

/// <summary>
/// When a send fails for good (an invalid number, an undeliverable SMS, a bounced email), or its provider is out,
/// tries the contact's other channel: a lawyer without a working phone may still read email, and during an SMS
/// outage a lawyer with an email address gets it at once (the SMS still follows when the provider is back). Idempotent: the fallback is a Delivery row of
/// its own, added once, so repeated failures or callbacks never send it twice.
/// </summary>
public sealed partial class DeliveryFallback(
    AlertStore alerts,
    ContactStore contacts,
    DeliveryQueue queue,
    PendingWork pending,
    TimeProvider time,
    ILogger<DeliveryFallback> logger)
{
    /// <summary>Adds and queues the delivery on the other channel; false when the contact has no other address.</summary>
    public async Task<bool> FallBackAsync(Delivery failed, CancellationToken cancellationToken)
    {
        // A call backs up an SMS already sent: nothing takes its place (an unanswered call is on the timeline already).
        if (failed.Channel == Channel.Call)
        {
            return false;
        }

        // The other channels fall back to each other, once.
        if (failed.Id.Contains(FallbackMarker, StringComparison.Ordinal))
        {
            // The other channel already failed once for this message: going back would loop.
            LogNoFallback(failed.AlertId, failed.Channel);
            return false;
        }

        var other = failed.Channel == Channel.Sms ? Channel.Email : Channel.Sms;
        var contact = await contacts.GetAsync(failed.Region, failed.ContactId, cancellationToken);
        var address = contact is null ? null : RecipientSelector.AddressFor(contact, other);
        if (contact is null || string.IsNullOrEmpty(address))
        {
            LogNoFallback(failed.AlertId, failed.Channel);
            return false;
        }

        var now = time.GetUtcNow();
        // The same message (an alert, a follow-up, a reminder…) on the other channel, under an id of its own.
        var fallback = new Delivery(
            failed.AlertId, IdFor(failed, other), contact.Id, contact.Region, contact.Name, contact.Role,
            other, address, contact.Language, DeliveryState.Pending, Attempts: 0, ProviderId: null, Error: null, now, SendingSince: null,
            [new DeliveryStep(DeliveryState.Pending, now)])
        {
            Kind = failed.Kind,
            About = failed.About,
        };
        if (await alerts.TryAddDeliveryAsync(fallback, cancellationToken))
        {
            await alerts.AppendTimelineAsync(
                failed.AlertId,
                new TimelineEntry(now, "fallback", $"{failed.Channel.Display()} to {FirstName(contact.Name)} ({contact.Role.ToWire()}) failed; trying {other.Display()}"),
                cancellationToken);
        }

        // Queued even when the row existed: a crash between adding and queueing must not strand it (nor can the
        // watchdog's sweep clear the alert in between: the pending-work row is touched after the row is added).
        await pending.PlannedAsync(fallback.AlertId, cancellationToken);
        await queue.EnqueueAsync(new DeliveryMessage(fallback.AlertId, fallback.Id, RapidResponseTelemetry.CurrentTraceParent()), cancellationToken);
        LogFellBack(failed.AlertId, failed.Channel, other);
        return true;
    }

    private const string FallbackMarker = "|fallback-";

    public static string IdFor(Delivery failed, Channel other) => $"{failed.Id}{FallbackMarker}{other.ToString().ToLowerInvariant()}";

    private static string FirstName(string name) => name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;

    [LoggerMessage(EventId = 3140, Level = LogLevel.Information, Message = "Alert {AlertId}: {Failed} failed or its provider is out; falling back to {Fallback}")]
    private partial void LogFellBack(string alertId, Channel failed, Channel fallback);

    [LoggerMessage(EventId = 3141, Level = LogLevel.Warning, Message = "Alert {AlertId}: {Failed} failed or its provider is out, and the contact has no other channel")]
    private partial void LogNoFallback(string alertId, Channel failed);
}
