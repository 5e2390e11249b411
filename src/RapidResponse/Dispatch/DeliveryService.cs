using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Channels;
using RapidResponse.Channels.Budget;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Channels.Voice;
using RapidResponse.Channels.WhatsApp;
using RapidResponse.Contacts;
using RapidResponse.Operations;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Storage;
using RapidResponse.Telemetry;

namespace RapidResponse.Dispatch;

/// <summary>
/// Makes one send, exactly once where the providers allow it. The Delivery row is the guard: it is claimed
/// (<c>sending</c>, with its ETag) before the provider is called and marked <c>sent</c> with the provider's id after,
/// so a redelivered queue message never re-sends what was sent and two workers never both send.
/// </summary>
/// <remarks>
/// When a send's outcome is unknown (the worker died, timed out or lost the connection after the request left), the
/// row says so (<see cref="Delivery.OutcomeUnknown"/>) and the next attempt first asks the provider where it can:
/// Twilio lists the messages it took, so an SMS found there is recorded as sent, not sent again. Where the provider
/// cannot say (SendGrid, or Twilio not answering the lookup), it sends again: a duplicate is preferred over a missing
/// message. Each such case is logged and counted on the row (<see cref="Delivery.Attempts"/>).
/// </remarks>
public sealed partial class DeliveryService(
    AlertStore alerts,
    RecentAlerts recentAlerts,
    IDeliveryContent content,
    ISmsSender sms,
    IEmailSender email,
    ICallPlacer calls,
    WhatsAppDispatch whatsApp,
    DeliveryFallback fallback,
    EmailBatchService batches,
    PhoneIndex phones,
    ProviderOutages outages,
    DeliveryQueue queue,
    ISendBudget budget,
    DeliveryWithdrawals withdrawals,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<DeliveryService> logger)
{
    /// <summary>Longer than a send can take (<see cref="SendResilience.TotalTimeout"/>), so a live claim is never taken over.</summary>
    public static readonly TimeSpan SendingLease = SendResilience.TotalTimeout + TimeSpan.FromSeconds(15);

    public Task DeliverAsync(DeliveryMessage message, CancellationToken cancellationToken) =>
        DeliverAsync(message, SendPriority.Normal, cancellationToken);

    /// <summary>One send; <paramref name="priority"/> orders it in the send budget (urgent: the first lawyers' SMS).</summary>
    public async Task DeliverAsync(DeliveryMessage message, SendPriority priority, CancellationToken cancellationToken)
    {
        using var trace = RapidResponseTelemetry.Trace(logger, "delivery.send", message.AlertId, message.TraceParent);
        if (message.Batch is { Count: > 0 } batch)
        {
            await batches.DeliverAsync(message.AlertId, batch, message.Early, cancellationToken);
            return;
        }

        var delivery = await alerts.GetDeliveryAsync(message.AlertId, message.DeliveryId, cancellationToken);
        if (delivery is null)
        {
            LogMissing(message.AlertId, message.DeliveryId);
            return;
        }

        if (delivery.State.IsHandedOver())
        {
            return;
        }

        var now = time.GetUtcNow();
        var unknown = delivery.OutcomeUnknown;
        if (delivery.State == DeliveryState.Sending)
        {
            if (now - delivery.SendingSince < SendingLease)
            {
                throw new DeliveryBusyException(delivery.Id);
            }

            // The worker holding the claim died or hung: whether its send left is unknown.
            LogUnknownOutcome(delivery.AlertId, delivery.Id, delivery.Attempts);
            unknown = true;
        }

        var claimed = await alerts.TryUpdateDeliveryAsync(
            delivery.MoveTo(DeliveryState.Sending, now) with { SendingSince = now, Attempts = delivery.Attempts + 1, OutcomeUnknown = unknown },
            cancellationToken) ?? throw new DeliveryBusyException(delivery.Id);

        // The phone index is what a YES reply is matched against: written before the SMS can be answered (alert SMS
        // only; idempotent), here rather than in the fan-out so a large alert's first SMS does not wait for every
        // index write, and alongside the alert read so it adds no round trip.
        var reading = recentAlerts.GetAsync(claimed, cancellationToken);
        await Task.WhenAll(reading, phones.AddSentAsync([claimed], cancellationToken));
        var alert = await reading
            ?? throw new InvalidOperationException($"Delivery {delivery.Id} belongs to missing alert {delivery.AlertId}.");

        if (outages.IsKnownDown(ProviderOf(claimed.Channel)))
        {
            // Known to be out: the other channel does not wait for this send's retries to run out.
            await fallback.FallBackAsync(claimed, cancellationToken);
        }

        SendOutcome outcome;
        try
        {
            outcome = await RapidResponseTelemetry.MeasureSendAsync(claimed.Channel, time, () => SendAsync(alert, claimed, priority, cancellationToken));
        }
        catch (ProviderUnavailableException exception)
        {
            // Our call has ended, so no live send holds the claim: release it and let the queue retry. When the
            // provider may have acted on the request, the row says so, and the retry asks before sending again.
            if (exception.MayHaveReachedProvider)
            {
                LogUnknownOutcome(claimed.AlertId, claimed.Id, claimed.Attempts);
            }

            var released = time.GetUtcNow();
            var failures = claimed.Failures + 1;
            var wait = RetryBackoff.For(failures, released - alert.CreatedAt, options.Value.BackoffScale);
            var held = await alerts.TryUpdateDeliveryAsync(
                claimed.MoveTo(DeliveryState.Pending, released) with
                {
                    SendingSince = null,
                    Error = exception.Message,
                    OutcomeUnknown = claimed.OutcomeUnknown || exception.MayHaveReachedProvider,
                    Failures = failures,
                    RetryAt = released + wait,
                },
                cancellationToken);
            if (exception.AccountRefused || failures >= RetryBackoff.OutageAfter)
            {
                // An outage, not this recipient: the delivery stays pending and is retried, and the operator is told
                // (once, on the other channel).
                await outages.FailedAsync(exception.Provider, exception.Message, cancellationToken);
            }

            // The provider failed for the whole retry window (SendResilience.RetryWindow): the contact's other
            // channel carries the message at once, and this one still goes out when the provider is back.
            await fallback.FallBackAsync(claimed, cancellationToken);

            if (held is null)
            {
                throw; // A callback moved the row meanwhile: the queue offers the message again and it re-reads.
            }

            // Waits out the outage as a new message's initial visibility: no dequeue count spent, nothing parked.
            // An early attempt (a probe) leaves the retry to the message already scheduled.
            if (!message.Early)
            {
                await queue.EnqueueAsync(message, wait, cancellationToken);
            }

            LogHeld(claimed.AlertId, claimed.Id, failures, wait);
            return;
        }

        if (outcome is SendOutcome.Accepted)
        {
            await outages.WorkingAsync(ProviderOf(claimed.Channel), cancellationToken);
        }

        if (outcome is SendOutcome.Rejected)
        {
            // Before the row says 'failed': if this worker dies in between, the retry falls back again (idempotently).
            await fallback.FallBackAsync(claimed, cancellationToken);
        }

        var done = time.GetUtcNow();
        var recorded = outcome switch
        {
            SendOutcome.Accepted accepted => claimed.MoveTo(DeliveryState.Sent, done) with
            {
                ProviderId = accepted.ProviderId,
                Error = null,
                OutcomeUnknown = false,
                Failures = 0,
                RetryAt = null,
            },
            SendOutcome.Rejected rejected => claimed.MoveTo(DeliveryState.Failed, done) with { Error = $"{rejected.Code}: {rejected.Reason}" },
            SendOutcome.Withdrawn withdrawn => claimed.MoveTo(DeliveryState.Withdrawn, done) with { Error = withdrawn.Reason },
            _ => throw new InvalidOperationException("Unknown send outcome."),
        };

        // The claim is ours; only a provider callback can have raced it, and then a retry re-reads and sees 'sent'.
        if (await alerts.TryUpdateDeliveryAsync(recorded, cancellationToken) is null)
        {
            throw new DeliveryBusyException(delivery.Id);
        }

        if (outcome is SendOutcome.Withdrawn { Reason: var reason } && claimed.Kind == DeliveryKind.Call)
        {
            await alerts.AppendTimelineAsync(
                alert.Id, new TimelineEntry(done, "call", $"Call to {Names.Of(claimed)} ({claimed.Role.ToWire()}) not placed: {reason}"), cancellationToken);
        }

        LogSent(delivery.AlertId, delivery.Channel, Pii.MaskAddress(delivery.Address), recorded.State);
    }

    /// <summary>
    /// The text comes from the row's kind (<see cref="DeliveryContent"/>): the alert, a reminder, a confirmation, a
    /// follow-up or a notice. An SMS whose last send had an unknown outcome is looked up first.
    /// </summary>
    private async Task<SendOutcome> SendAsync(Alert alert, Delivery delivery, SendPriority priority, CancellationToken cancellationToken)
    {
        var reference = $"{delivery.AlertId}/{delivery.Id}";
        return delivery.Channel switch
        {
            Channel.Sms => await SendSmsAsync(
                new SmsMessage(delivery.Address, await content.SmsAsync(alert, delivery, cancellationToken), reference), alert, delivery, priority, cancellationToken),
            Channel.Email => await SlotAsync(SendGridEmailSender.Provider, alert, delivery, priority, cancellationToken)
                ?? await email.SendAsync(new EmailMessage(delivery.Address, delivery.RecipientName, await content.EmailAsync(alert, delivery, cancellationToken), reference), cancellationToken),
            // A call's words are served when Twilio fetches its TwiML (Responses/CallAnswers), not sent here.
            Channel.Call => await SlotAsync(TwilioCallPlacer.Provider, alert, delivery, priority, cancellationToken) ?? await calls.PlaceAsync(new CallRequest(delivery.Address, reference), cancellationToken),
            Channel.WhatsApp => await SlotAsync(TwilioWhatsAppSender.Provider, alert, delivery, priority, cancellationToken) ?? await whatsApp.SendAsync(alert, delivery, reference, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown channel {delivery.Channel}."),
        };
    }

    public static string ProviderOf(Channel channel) => channel == Channel.Email ? SendGridEmailSender.Provider : TwilioSmsSender.Provider;

    /// <summary>
    /// Waits for the provider's slot in the deployment's send budget, then asks whether a reminder or a call is still
    /// wanted: the wait is where it may stop being. Null means send; otherwise the outcome to record.
    /// </summary>
    private async Task<SendOutcome.Withdrawn?> SlotAsync(string provider, Alert alert, Delivery delivery, SendPriority priority, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(provider, priority, cancellationToken);
        return await withdrawals.ReasonAsync(alert, delivery, cancellationToken) is { } reason ? new SendOutcome.Withdrawn(reason) : null;
    }

    private async Task<SendOutcome> SendSmsAsync(SmsMessage message, Alert alert, Delivery delivery, SendPriority priority, CancellationToken cancellationToken)
    {
        if (delivery.OutcomeUnknown)
        {
            // Since the row was made: an SMS found with this text to this number is this delivery's earlier send.
            if (await sms.FindSentAsync(message, delivery.CreatedAt, cancellationToken) is { } providerId)
            {
                LogFoundSent(delivery.AlertId, delivery.Id);
                return new SendOutcome.Accepted(providerId);
            }

            LogNotFound(delivery.AlertId, delivery.Id, delivery.Attempts);
        }

        // The deployment's rate for the sender, shared by every instance; the lookup above spends none of it.
        return await SlotAsync(TwilioSmsSender.Provider, alert, delivery, priority, cancellationToken) ?? await sms.SendAsync(message, cancellationToken);
    }

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} could not go out ({Failures} failure(s) in a row); held for {Wait}")]
    private partial void LogHeld(string alertId, string deliveryId, int failures, TimeSpan wait);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Alert {AlertId}: delivery {DeliveryId} had an unknown outcome; the provider has it, so it is not sent again")]
    private partial void LogFoundSent(string alertId, string deliveryId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} had an unknown outcome and the provider lists no such message; sending again (attempt {Attempts})")]
    private partial void LogNotFound(string alertId, string deliveryId, int attempts);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Alert {AlertId}: {Channel} to {Address} is {State}")]
    private partial void LogSent(string alertId, Channel channel, string address, DeliveryState state);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} had an unknown outcome after {Attempts} attempt(s); the next attempt asks the provider where it can, else sends again (a duplicate is preferred over a loss)")]
    private partial void LogUnknownOutcome(string alertId, string deliveryId, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} is on the queue but not in the table")]
    private partial void LogMissing(string alertId, string deliveryId);
}

/// <summary>Another worker holds the delivery's claim; the queue will offer the message again later.</summary>
public sealed class DeliveryBusyException(string deliveryId)
    : Exception($"Delivery {deliveryId} is being sent by another worker; retry later.");
