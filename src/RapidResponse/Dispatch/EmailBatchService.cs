using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Channels;
using RapidResponse.Channels.Email;
using RapidResponse.Operations;
using RapidResponse.Storage;

namespace RapidResponse.Dispatch;

/// <summary>
/// Sends one email body to many recipients in one provider request (the NGOs of an alert, who all get the same
/// facts and draft). Each recipient keeps its own Delivery row and state machine: rows are claimed one by one with
/// their ETags, sent together, and recorded one by one, so a redelivered message re-sends none that were sent.
/// </summary>
public sealed partial class EmailBatchService(
    AlertStore alerts,
    IDeliveryContent content,
    IEmailSender email,
    DeliveryFallback fallback,
    ProviderOutages outages,
    DeliveryQueue queue,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<EmailBatchService> logger)
{
    /// <summary>Queue messages stay small (64 KiB): a batch lists at most this many delivery ids.</summary>
    public const int MaxPerMessage = 250;

    /// <summary>One batch message; <paramref name="early"/>: a probe, which leaves its retry to the scheduled message.</summary>
    public async Task DeliverAsync(string alertId, IReadOnlyList<string> deliveryIds, bool early, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await Task.WhenAll(deliveryIds.Distinct(StringComparer.Ordinal).Select(id => alerts.GetDeliveryAsync(alertId, id, cancellationToken)));
        var open = rows.OfType<Delivery>().Where(d => !d.State.IsHandedOver()).ToList();
        var busy = open.Count(d => d.State == DeliveryState.Sending && now - d.SendingSince < DeliveryService.SendingLease);
        var claims = await Task.WhenAll(open
            .Where(d => !(d.State == DeliveryState.Sending && now - d.SendingSince < DeliveryService.SendingLease))
            .Select(d => alerts.TryUpdateDeliveryAsync(
                d.MoveTo(DeliveryState.Sending, now) with { SendingSince = now, Attempts = d.Attempts + 1 }, cancellationToken)));
        var claimed = claims.OfType<Delivery>().ToList();
        busy += claims.Length - claimed.Count;

        if (claimed.Count > 0)
        {
            await SendAsync(alertId, deliveryIds, claimed, early, cancellationToken);
        }

        if (busy > 0)
        {
            // Someone else holds some rows; the message comes back for them once their claims settle.
            throw new DeliveryBusyException($"{busy} of the batch");
        }
    }

    private async Task SendAsync(string alertId, IReadOnlyList<string> deliveryIds, IReadOnlyList<Delivery> claimed, bool early, CancellationToken cancellationToken)
    {
        var alert = await alerts.GetAsync(alertId, cancellationToken)
            ?? throw new InvalidOperationException($"A batch belongs to missing alert {alertId}.");
        var body = await content.SharedEmailAsync(alert, claimed[0], cancellationToken);
        var links = await Task.WhenAll(claimed.Select(d => content.PageLinkAsync(alert, d, cancellationToken)));
        var batch = new EmailBatch(claimed.Select((d, i) => new EmailRecipient(d.Address, d.RecipientName, $"{d.AlertId}/{d.Id}", links[i])).ToList(), body);

        if (outages.IsKnownDown(SendGridEmailSender.Provider))
        {
            // Known to be out: the recipients' other channel does not wait for this send's retries to run out.
            await FallBackAsync(claimed, cancellationToken);
        }

        SendOutcome outcome;
        try
        {
            outcome = await email.SendBatchAsync(batch, cancellationToken);
        }
        catch (ProviderUnavailableException exception)
        {
            if (!await HoldAsync(alert, deliveryIds, claimed, exception, early, cancellationToken))
            {
                throw; // A callback moved a row meanwhile: the queue offers the message again and it re-reads.
            }

            return;
        }

        if (outcome is SendOutcome.Accepted)
        {
            await outages.WorkingAsync(SendGridEmailSender.Provider, cancellationToken);
        }

        if (outcome is SendOutcome.Rejected && claimed.Count > 1)
        {
            // One bad address rejects the whole request: send each on its own, so only that one falls back.
            LogSplit(alertId, claimed.Count);
            await SendOneByOneAsync(alert, deliveryIds, claimed, early, cancellationToken);
            return;
        }

        await RecordAsync(claimed, outcome, cancellationToken);
        LogBatch(alertId, claimed.Count, outcome is SendOutcome.Accepted);
    }

    private async Task SendOneByOneAsync(Alert alert, IReadOnlyList<string> deliveryIds, IReadOnlyList<Delivery> claimed, bool early, CancellationToken cancellationToken)
    {
        for (var i = 0; i < claimed.Count; i++)
        {
            var delivery = claimed[i];
            SendOutcome outcome;
            try
            {
                var text = await content.EmailAsync(alert, delivery, cancellationToken);
                outcome = await email.SendAsync(new EmailMessage(delivery.Address, delivery.RecipientName, text, $"{delivery.AlertId}/{delivery.Id}"), cancellationToken);
            }
            catch (ProviderUnavailableException exception)
            {
                // Those not sent yet wait like a whole batch; the batch message comes back for them (the sent ones
                // are handed over and skipped).
                if (!await HoldAsync(alert, deliveryIds, claimed.Skip(i).ToList(), exception, early, cancellationToken))
                {
                    throw;
                }

                return;
            }

            await RecordAsync([delivery], outcome, cancellationToken);
        }
    }

    /// <summary>
    /// As for a single send (<see cref="DeliveryService"/>): the rows are held with a growing back-off as a new
    /// delayed batch message (no dequeue count spent), the operator is told once when it is an outage, and each
    /// recipient's other channel carries the message at once. False when a row moved meanwhile (nothing enqueued).
    /// </summary>
    private async Task<bool> HoldAsync(
        Alert alert, IReadOnlyList<string> deliveryIds, IReadOnlyList<Delivery> claimed, ProviderUnavailableException exception, bool early, CancellationToken cancellationToken)
    {
        var released = time.GetUtcNow();
        var failures = claimed.Max(d => d.Failures) + 1;
        var wait = RetryBackoff.For(failures, released - alert.CreatedAt, options.Value.BackoffScale);
        var held = await Task.WhenAll(claimed.Select(d => alerts.TryUpdateDeliveryAsync(
            d.MoveTo(DeliveryState.Pending, released) with { SendingSince = null, Error = exception.Message, Failures = failures, RetryAt = released + wait },
            cancellationToken)));
        if (exception.AccountRefused || failures >= RetryBackoff.OutageAfter)
        {
            await outages.FailedAsync(exception.Provider, exception.Message, cancellationToken);
        }

        await FallBackAsync(claimed, cancellationToken);
        if (held.Any(h => h is null))
        {
            return false;
        }

        if (!early)
        {
            await queue.EnqueueAsync(new DeliveryMessage(alert.Id, deliveryIds[0], Batch: deliveryIds), wait, cancellationToken);
        }

        return true;
    }

    private async Task FallBackAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
        {
            await fallback.FallBackAsync(delivery, cancellationToken);
        }
    }

    private async Task RecordAsync(IReadOnlyList<Delivery> sent, SendOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome is SendOutcome.Rejected)
        {
            await FallBackAsync(sent, cancellationToken);
        }

        var done = time.GetUtcNow();
        await Task.WhenAll(sent.Select(d => alerts.TryUpdateDeliveryAsync(outcome switch
        {
            SendOutcome.Accepted accepted => d.MoveTo(DeliveryState.Sent, done) with { ProviderId = accepted.ProviderId, Error = null, Failures = 0, RetryAt = null },
            SendOutcome.Rejected rejected => d.MoveTo(DeliveryState.Failed, done) with { Error = $"{rejected.Code}: {rejected.Reason}" },
            _ => throw new InvalidOperationException("Unknown send outcome."),
        }, cancellationToken)));
    }

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Alert {AlertId}: a request for {Count} recipients was rejected; sending each on its own")]
    private partial void LogSplit(string alertId, int count);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Alert {AlertId}: one email request for {Count} recipients (accepted: {Accepted})")]
    private partial void LogBatch(string alertId, int count, bool accepted);
}
