using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Channels.Sms;
using RapidResponse.Operations;
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
/// <item>a delivery pending, untouched for <see cref="Stale"/> past its turn at the send rate while nothing of its
/// alert has moved for <see cref="Stale"/>, or claimed (<c>sending</c>) past its lease: its <c>deliveries</c> message
/// is enqueued again;</item>
/// <item>nothing left: the index row is removed.</item>
/// </list>
/// The fan-out is idempotent and the Delivery row's claim makes each send at most duplicated, so a re-issue that
/// races the original message changes nothing.
/// <para>
/// During a provider outage the held sends wait with a growing back-off (<see cref="RetryBackoff"/>, up to 5
/// minutes). So that they resume within seconds of a recovery, the watchdog tries one held send per down provider
/// every <see cref="ProbeEvery"/>, and once the provider is no longer down it brings every held send forward. Both
/// are early attempts (<see cref="DeliveryMessage.Early"/>): one that fails schedules nothing more.
/// </para>
/// </summary>
public sealed partial class DispatchWatchdog(
    PendingWork pending,
    AlertStore alerts,
    AlertQueue alertQueue,
    DeliveryQueue deliveryQueue,
    ProviderOutages outages,
    IOptions<RapidResponseOptions> options,
    IOptions<TwilioOptions> twilio,
    TimeProvider time,
    ILogger<DispatchWatchdog> logger)
{
    /// <summary>How often a down provider is tried with one held send.</summary>
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(20);

    // The timer runs on one instance at a time (the Functions host's singleton lock); losing this state on a restart
    // only delays a resume to the held sends' own back-off.
    private readonly HashSet<string> down = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> probed = new(StringComparer.Ordinal);

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
        var downNow = (await outages.DownAsync(cancellationToken)).Select(p => p.Provider).ToHashSet(StringComparer.Ordinal);
        var listed = await Task.WhenAll(entries.Select(async entry =>
            (Entry: entry, Deliveries: entry.FanOutDue ? [] : await alerts.ListDeliveriesAsync(entry.AlertId, cancellationToken))));
        var turns = Turns(listed.SelectMany(l => l.Deliveries), twilio.Value.MessagesPerSecond);
        var results = await Task.WhenAll(listed.Select(l => SweepAsync(l.Entry, l.Deliveries, turns, cancellationToken)));
        var early = await BringForwardAsync(results.SelectMany(r => r.Held).ToList(), downNow, cancellationToken);
        var report = new WatchdogReport(
            entries.Count,
            results.Count(r => r.FanOut),
            results.Sum(r => r.Deliveries) + early,
            results.Count(r => r.Cleared));
        if (report.FanOutsReissued > 0 || report.DeliveriesReissued > 0)
        {
            LogReissued(report.FanOutsReissued, report.DeliveriesReissued, report.Alerts);
        }

        return report;
    }

    /// <summary>Held sends of a provider that recovered go now; of one still down, one per <see cref="ProbeEvery"/> tries.</summary>
    private async Task<int> BringForwardAsync(List<Delivery> held, HashSet<string> downNow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recovered = down.Where(p => !downNow.Contains(p)).ToHashSet(StringComparer.Ordinal);
        down.Clear();
        down.UnionWith(downNow);
        var chosen = held.Where(d => recovered.Contains(DeliveryService.ProviderOf(d.Channel))).ToList();
        foreach (var provider in downNow.Where(p => !probed.TryGetValue(p, out var last) || now - last >= ProbeEvery * options.Value.BackoffScale))
        {
            if (held.Where(d => DeliveryService.ProviderOf(d.Channel) == provider).MinBy(d => d.RetryAt) is { } probe)
            {
                probed[provider] = now;
                chosen.Add(probe);
            }
        }

        if (recovered.Count > 0)
        {
            LogResumed(string.Join(", ", recovered), chosen.Count);
        }

        await deliveryQueue.EnqueueAllAsync(chosen.Select(d => new DeliveryMessage(d.AlertId, d.Id) { Early = true }), cancellationToken);
        return chosen.Count;
    }

    /// <summary>
    /// How long each pending SMS or WhatsApp send waits for its turn at the deployment's rate: the sends queued before it
    /// (oldest first, across every alert with work pending) ÷ the rate. A 10,000-recipient fan-out at
    /// 100 msg/s lasts 100 s by design; its last rows are not stuck after <see cref="Stale"/>, and re-issuing them would
    /// double the queue exactly when it is longest. Rows made at the same moment for one alert share the last turn of
    /// the group, as the queue holds them in no particular order.
    /// </summary>
    public static IReadOnlyDictionary<(string AlertId, string DeliveryId), TimeSpan> Turns(IEnumerable<Delivery> deliveries, int messagesPerSecond)
    {
        var turns = new Dictionary<(string, string), TimeSpan>();
        var ahead = 0;
        var queued = deliveries.Where(d => d is { State: DeliveryState.Pending, Channel: Channel.Sms or Channel.WhatsApp });
        foreach (var group in queued.GroupBy(d => (d.CreatedAt, d.AlertId)).OrderBy(g => g.Key.CreatedAt).ThenBy(g => g.Key.AlertId, StringComparer.Ordinal))
        {
            ahead += group.Count();
            var turn = TimeSpan.FromSeconds((ahead - 1) / (double)messagesPerSecond);
            foreach (var delivery in group)
            {
                turns[(delivery.AlertId, delivery.Id)] = turn;
            }
        }

        return turns;
    }

    private async Task<(bool FanOut, int Deliveries, bool Cleared, IReadOnlyList<Delivery> Held)> SweepAsync(
        PendingAlert entry, IReadOnlyList<Delivery> deliveries, IReadOnlyDictionary<(string, string), TimeSpan> turns, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reissuedLately = entry.ReissuedAt is { } reissued && now - reissued < ReissueEvery;
        if (entry.FanOutDue)
        {
            if (now - entry.AcceptedAt < Stale || reissuedLately)
            {
                return (false, 0, false, []);
            }

            // The fan-out re-issues the unsent deliveries it finds, so nothing more is needed here this round.
            LogFanOutStuck(entry.AlertId, now - entry.AcceptedAt);
            await Task.WhenAll(
                alertQueue.EnqueueAsync(new AlertMessage(entry.AlertId), cancellationToken),
                pending.ReissuedAsync(entry.AlertId, cancellationToken));
            return (true, 0, false, []);
        }

        var open = deliveries.Where(d => !d.State.IsHandedOver()).ToList();
        if (open.Count == 0)
        {
            return (false, 0, await pending.TryClearAsync(entry, cancellationToken), []);
        }

        // One stuck at the last re-issue, and not moved since, was re-issued then: it waits for the next period. While
        // the alert's sends are still going out, its pending ones are waiting in the queue, not lost.
        TimeSpan TurnOf(Delivery d) => turns.GetValueOrDefault((d.AlertId, d.Id));
        var moving = now - deliveries.Max(LastMoved) < Stale;
        var stuck = open
            .Where(d => !(moving && d.State == DeliveryState.Pending))
            .Where(d => IsStuck(d, now, TurnOf(d)) && !(reissuedLately && IsStuck(d, entry.ReissuedAt!.Value, TurnOf(d))))
            .ToList();
        var held = open.Where(d => d.State == DeliveryState.Pending && d.RetryAt > now).ToList();
        if (stuck.Count == 0)
        {
            return (false, 0, false, held);
        }

        foreach (var delivery in stuck)
        {
            LogDeliveryStuck(delivery.AlertId, delivery.Id, delivery.State);
        }

        await Task.WhenAll(
            deliveryQueue.EnqueueAllAsync(stuck.Select(d => new DeliveryMessage(d.AlertId, d.Id)), cancellationToken),
            pending.ReissuedAsync(entry.AlertId, cancellationToken));
        return (false, stuck.Count, false, held);
    }

    /// <summary>
    /// Nobody has moved it for longer than a live worker would take after its turn; a claim only once its lease has
    /// run out.
    /// </summary>
    public static bool IsStuck(Delivery delivery, DateTimeOffset now, TimeSpan turn) => delivery.State switch
    {
        // A send held for a back-off is due at its RetryAt, not before.
        DeliveryState.Pending => now - (delivery.RetryAt > LastMoved(delivery) ? delivery.RetryAt.Value : LastMoved(delivery)) >= Stale + turn,
        DeliveryState.Sending => now - (delivery.SendingSince ?? LastMoved(delivery)) >= DeliveryService.SendingLease,
        _ => false,
    };

    private static DateTimeOffset LastMoved(Delivery delivery) => delivery.History.Count > 0 ? delivery.History[^1].At : delivery.CreatedAt;

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Provider(s) {Providers} sending again; {Count} held send(s) brought forward")]
    private partial void LogResumed(string providers, int count);

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Alert {AlertId} accepted {Age} ago and not fanned out; its fan-out is re-issued")]
    private partial void LogFanOutStuck(string alertId, TimeSpan age);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Alert {AlertId}: delivery {DeliveryId} is stuck {State}; its send is re-issued")]
    private partial void LogDeliveryStuck(string alertId, string deliveryId, DeliveryState state);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Watchdog re-issued {FanOuts} fan-out(s) and {Deliveries} send(s) over {Alerts} alert(s) with work pending")]
    private partial void LogReissued(int fanOuts, int deliveries, int alerts);
}
