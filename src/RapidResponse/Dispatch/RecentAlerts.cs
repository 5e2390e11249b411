using System.Collections.Concurrent;
using RapidResponse.Alerts;

namespace RapidResponse.Dispatch;

/// <summary>
/// The alert rows this instance's sends read, each at most <see cref="MaxAge"/> old and never older than the delivery
/// that asks. Every SMS of a fan-out needs its alert (for the text, the duress and silent leads, whether it is
/// resolved): without this a 10,000-recipient alert is read 10,000 times, one storage call in eight of its sends.
/// Sends that start together share one read.
/// </summary>
/// <remarks>
/// A delivery made after the alert changed (the duress step's wider circle, made once the duress signal is on the row)
/// is never given a read from before it was made, so it always sees that change. An older delivery may get a read up
/// to a second old: it was racing the change anyway, and the follow-up that tells its recipient of the change is a
/// delivery of its own.
/// </remarks>
public sealed class RecentAlerts(AlertStore alerts, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>How far apart two instances' clocks may be: a read must start this long after the delivery was made.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMilliseconds(250);

    /// <summary>Beyond this many alerts in the map, reads older than <see cref="MaxAge"/> are dropped.</summary>
    private const int TidyAbove = 256;

    private readonly ConcurrentDictionary<string, Read> reads = new(StringComparer.Ordinal);

    /// <summary>The alert as read at most <see cref="MaxAge"/> ago, and after <paramref name="delivery"/> was made.</summary>
    public async Task<Alert?> GetAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!reads.TryGetValue(delivery.AlertId, out var read) || !read.Serves(delivery, now))
        {
            // Not the caller's token: other sends may wait on this read after this one has gone.
            read = new Read(alerts.GetAsync(delivery.AlertId, CancellationToken.None), now);
            reads[delivery.AlertId] = read;
            Tidy(now);
        }

        var alert = await read.Row.WaitAsync(cancellationToken);
        if (alert is null)
        {
            // A missing alert is an anomaly, never remembered: the next send looks again.
            reads.TryRemove(new KeyValuePair<string, Read>(delivery.AlertId, read));
        }

        return alert;
    }

    private void Tidy(DateTimeOffset now)
    {
        if (reads.Count <= TidyAbove)
        {
            return;
        }

        foreach (var (id, old) in reads)
        {
            if (now - old.StartedAt >= MaxAge)
            {
                reads.TryRemove(new KeyValuePair<string, Read>(id, old));
            }
        }
    }

    private sealed record Read(Task<Alert?> Row, DateTimeOffset StartedAt)
    {
        public bool Serves(Delivery delivery, DateTimeOffset now) =>
            now - StartedAt < MaxAge
            && StartedAt >= delivery.CreatedAt + ClockSkew
            && !Row.IsFaulted && !Row.IsCanceled;
    }
}
