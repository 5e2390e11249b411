using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Security;
using RapidResponse.Telemetry;

namespace RapidResponse.Dispatch;

/// <summary>What applying a provider's report did.</summary>
public enum FeedbackOutcome
{
    /// <summary>The delivery moved forward.</summary>
    Applied,

    /// <summary>Nothing to do: the same state again, or one the delivery is already past.</summary>
    Unchanged,

    /// <summary>No such delivery; callers answer as if it were applied, so a caller learns nothing from probing.</summary>
    Unknown,

    /// <summary>The row kept changing under us; the provider should try again later.</summary>
    Contended,
}

/// <summary>
/// Applies Twilio status callbacks and SendGrid events to Delivery rows. Providers repeat callbacks and deliver them
/// out of order, so a row only moves forward (<see cref="DeliveryTransitions.CanMoveTo"/>): the same report twice
/// changes nothing, and a late 'sent' never overwrites 'delivered'. Updates go over the row's ETag, re-reading on a
/// conflict with a send in flight or a concurrent callback.
/// </summary>
public sealed partial class DeliveryFeedback(AlertStore alerts, DeliveryFallback fallback, TimeProvider time, ILogger<DeliveryFeedback> logger)
{
    /// <summary>Writers of one row are few (its send and a callback or two), so a handful of immediate re-reads settles it.</summary>
    public const int MaxAttempts = 5;

    public async Task<FeedbackOutcome> ApplyAsync(ProviderReport report, CancellationToken cancellationToken)
    {
        using var trace = RapidResponseTelemetry.Trace(logger, "delivery.feedback", report.AlertId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await alerts.GetDeliveryAsync(report.AlertId, report.DeliveryId, cancellationToken);
            if (current is null)
            {
                LogUnknown(report.AlertId, report.DeliveryId);
                return FeedbackOutcome.Unknown;
            }

            var now = time.GetUtcNow();
            if (Advance(current, report, now) is not { } next)
            {
                return FeedbackOutcome.Unchanged;
            }

            if (next.State is DeliveryState.Failed or DeliveryState.Undeliverable)
            {
                // Before the row becomes final, so a failure here leaves the callback to be retried (fallback is idempotent).
                await fallback.FallBackAsync(next, cancellationToken);
            }

            if (await alerts.TryUpdateDeliveryAsync(next, cancellationToken) is null)
            {
                continue;
            }

            LogMoved(next.AlertId, next.Channel, Pii.MaskAddress(next.Address), current.State, next.State);
            RapidResponseTelemetry.DeliveryReported(next.Channel, next.State);
            if (next.State is DeliveryState.Failed or DeliveryState.Undeliverable && next.Channel != Channel.Call)
            {
                // Only the writer that made the move gets here, so a repeated callback adds no second entry. A call's
                // end is on the timeline already, in CallAnswers' words ("no answer", "busy").
                await alerts.AppendTimelineAsync(next.AlertId, FailedEntry(next, now), cancellationToken);
            }

            return FeedbackOutcome.Applied;
        }

        LogContended(report.AlertId, report.DeliveryId, MaxAttempts);
        return FeedbackOutcome.Contended;
    }

    /// <summary>The row after the report, or null when the report does not move it forward.</summary>
    public static Delivery? Advance(Delivery current, ProviderReport report, DateTimeOffset at)
    {
        if (!current.State.CanMoveTo(report.State))
        {
            return null;
        }

        return current.MoveTo(report.State, at) with
        {
            // A callback can beat the sender's own 'sent' write; keep the provider's id either way.
            ProviderId = current.ProviderId ?? report.ProviderId,
            Error = report.State switch
            {
                DeliveryState.Failed or DeliveryState.Undeliverable => report.Error ?? current.Error,
                DeliveryState.Delivered => null,
                _ => current.Error,
            },
        };
    }

    /// <summary>E.g. "SMS to Aigerim (lawyer) failed: undeliverable": the first name only, as the organizer sees it.</summary>
    public static TimelineEntry FailedEntry(Delivery delivery, DateTimeOffset at)
    {
        var firstName = delivery.RecipientName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? delivery.Role.ToWire();
        return new TimelineEntry(at, "delivery-failed", $"{delivery.Channel.Display()} to {firstName} ({delivery.Role.ToWire()}) failed: {delivery.State.ToWire()}");
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Alert {AlertId}: {Channel} to {Address} moved from {From} to {To} on provider feedback")]
    private partial void LogMoved(string alertId, Channel channel, string address, DeliveryState from, DeliveryState to);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "Provider feedback for unknown delivery {DeliveryId} of alert {AlertId}; ignored")]
    private partial void LogUnknown(string alertId, string deliveryId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} changed under provider feedback {Attempts} times; the provider will retry")]
    private partial void LogContended(string alertId, string deliveryId, int attempts);
}
