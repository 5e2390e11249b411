using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RapidResponse.Alerts;

/// <summary>
/// A token bucket per organizer for <em>new</em> alerts: <see cref="RapidResponseOptions.PressBurst"/> alerts at once,
/// then <see cref="RapidResponseOptions.PressesPerMinute"/> more each minute. The bucket starts full, so a first press
/// (or the first after a quiet spell) always passes; repeats and idempotent replays never reach it.
/// </summary>
/// <remarks>
/// Kept in memory per instance: a scaled-out app admits up to (instances × burst). It is a brake on floods from a
/// stolen token, not a quota, and it must never cost a storage round trip on the press path.
/// </remarks>
public sealed class PressLimiter(IOptions<RapidResponseOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one token; when none is left, how long until the next one.</summary>
    public TimeSpan? TryTake(string organizerId)
    {
        var burst = options.Value.PressBurst;
        var perSecond = options.Value.PressesPerMinute / 60.0;
        var now = time.GetTimestamp();
        var bucket = buckets.GetOrAdd(organizerId, _ => new Bucket(burst, now));
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.At, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * perSecond));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }

            return TimeSpan.FromSeconds(Math.Ceiling((1 - bucket.Tokens) / perSecond));
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}
