using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Storage;

namespace RapidResponse.Dispatch;

/// <summary>What one sweep found and re-issued.</summary>
public sealed record WatchdogReport(int Alerts, int FanOutsReissued, int DeliveriesReissued, int Cleared);

/// <summary>
/// Finds work a dead instance left behind and puts it back through the normal path. On Azure a queue message held by
/// an instance that dies stays invisible for up to 10 minutes (the listener's receive visibility); an alert cannot
/// wait that long. Every <see cref="Schedule"/>, for each alert in the <see cref="PendingWork"/> index:
/// <list type="bullet">
/// <item>accepted but not fanned out after <see cref="Stale"/>: its <c>alerts</c> message is enqueued again;</item>
/// <item>a delivery pending, untouched for <see cref="Stale"/>, or claimed (<c>sending</c>) past its lease: its
/// <c>deliveries</c> message is enqueued again;</item>
/// <item>nothing left: the index row is removed.</item>
/// </list>
/// The fan-out is idempotent and the Delivery row's claim makes each send at most duplicated, so a re-issue that
/// races the original message changes nothing.
/// </summary>
public sealed partial class DispatchWatchdog(
    PendingWork pending,
    AlertStore alerts,
    AlertQueue alertQueue,
    DeliveryQueue deliveryQueue,
    TimeProvider time,
    ILogger<DispatchWatchdog> logger)
{
    /// <summary>Every 10 seconds (NCRONTAB with seconds).</summary>
    public const string Schedule = "*/10 * * * * *";

    /// <summary>
    /// Longer than a healthy fan-out or send takes to start (well under a second), short enough that a re-issued alert
    /// still reaches everyone in about a minute.
    /// </summary>
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Work re-issued once is re-issued again only after this long: a message that is merely waiting behind a long
    /// queue (a large fan-out at the provider's rate) gets one extra copy per period, not one per sweep.
    /// </summary>
    public static readonly TimeSpan ReissueEvery = TimeSpan.FromMinutes(2);

    public async Task<WatchdogReport> SweepAsync(CancellationToken cancellationToken)
    {
        var entries = await pending.ListAsync(cancellationToken);
        var results = await Task.WhenAll(entries.Select(entry => SweepAsync(entry, cancellationToken)));
        var report = new WatchdogReport(
            entries.Count,
            results.Count(r => r.FanOut),
            results.Sum(r => r.Deliveries),
            results.Count(r => r.Cleared));
        if (report.FanOutsReissued > 0 || report.DeliveriesReissued > 0)
        {
            LogReissued(report.FanOutsReissued, report.DeliveriesReissued, report.Alerts);
        }

        return report;
    }

    private async Task<(bool FanOut, int Deliveries, bool Cleared)> SweepAsync(PendingAlert entry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reissuedLately = entry.ReissuedAt is { } reissued && now - reissued < ReissueEvery;
        if (entry.FanOutDue)
        {
            if (now - entry.AcceptedAt < Stale || reissuedLately)
            {
                return (false, 0, false);
            }

            // The fan-out re-issues the unsent deliveries it finds, so nothing more is needed here this round.
            LogFanOutStuck(entry.AlertId, now - entry.AcceptedAt);
            await Task.WhenAll(
                alertQueue.EnqueueAsync(new AlertMessage(entry.AlertId), cancellationToken),
                pending.ReissuedAsync(entry.AlertId, cancellationToken));
            return (true, 0, false);
        }

        var deliveries = await alerts.ListDeliveriesAsync(entry.AlertId, cancellationToken);
        var open = deliveries.Where(d => !d.State.IsHandedOver()).ToList();
        if (open.Count == 0)
        {
            return (false, 0, await pending.TryClearAsync(entry, cancellationToken));
        }

        // One stuck at the last re-issue, and not moved since, was re-issued then: it waits for the next period.
        var stuck = open.Where(d => IsStuck(d, now) && !(reissuedLately && IsStuck(d, entry.ReissuedAt!.Value))).ToList();
        if (stuck.Count == 0)
        {
            return (false, 0, false);
        }

        foreach (var delivery in stuck)
        {
            LogDeliveryStuck(delivery.AlertId, delivery.Id, delivery.State);
        }

        await Task.WhenAll(stuck.Select(d => deliveryQueue.EnqueueAsync(new DeliveryMessage(d.AlertId, d.Id), cancellationToken))
            .Append(pending.ReissuedAsync(entry.AlertId, cancellationToken)));
        return (false, stuck.Count, false);
    }

    /// <summary>Nobody has moved it for longer than a live worker would take; a claim only once its lease has run out.</summary>
    public static bool IsStuck(Delivery delivery, DateTimeOffset now) => delivery.State switch
    {
        DeliveryState.Pending => now - LastMoved(delivery) >= Stale,
        DeliveryState.Sending => now - (delivery.SendingSince ?? LastMoved(delivery)) >= DeliveryService.SendingLease,
        _ => false,
    };

    private static DateTimeOffset LastMoved(Delivery delivery) => delivery.History.Count > 0 ? delivery.History[^1].At : delivery.CreatedAt;

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Alert {AlertId} accepted {Age} ago and not fanned out; its fan-out is re-issued")]
    private partial void LogFanOutStuck(string alertId, TimeSpan age);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} is stuck {State}; its send is re-issued")]
    private partial void LogDeliveryStuck(string alertId, string deliveryId, DeliveryState state);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Watchdog re-issued {FanOuts} fan-out(s) and {Deliveries} send(s) over {Alerts} alert(s) with work pending")]
    private partial void LogReissued(int fanOuts, int deliveries, int alerts);
}
