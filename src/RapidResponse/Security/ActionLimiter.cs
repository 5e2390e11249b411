using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace RapidResponse.Security;

/// <summary>What an organizer does that sends messages, each with its own allowance.</summary>
public enum LimitedAction
{
    /// <summary>A new alert (a repeat press never reaches the limiter).</summary>
    Press,

    /// <summary>An update to an alert.</summary>
    Update,

    /// <summary>A resolve, good, wrong or repeated: counting every one also brakes guessing the safe code.</summary>
    Resolve,
}

/// <summary>
/// A token bucket per organizer and action, kept in the <c>Limits</c> table so it holds across restarts and instances:
/// a burst at once, then a steady refill per minute; past it the caller waits (<c>429</c> with <c>Retry-After</c>).
/// Each bucket is one row (tokens left, when), changed only over its ETag, so concurrent requests on any instance
/// never spend the same token twice. The buckets start full: a first action always passes.
/// </summary>
/// <remarks>
/// Not <c>System.Threading.RateLimiting</c>'s <c>PartitionedRateLimiter</c>: its limiters keep their state in the
/// process, which is exactly what a restart or a second instance refilled. One read and one write per action.
/// </remarks>
public sealed class ActionLimiter(TableClient table, IOptions<RapidResponseOptions> options, TimeProvider time)
{
    private const int MaxAttempts = 30;

    /// <summary>Takes one token; null when taken, else how long until the next one.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string organizerId, LimitedAction action, CancellationToken cancellationToken)
    {
        var (burst, perMinute) = options.Value.Allowance(action);
        var perSecond = perMinute / 60.0;
        var row = action.ToString();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(organizerId, row, cancellationToken: cancellationToken);
            var now = time.GetUtcNow();
            var tokens = stored.HasValue && stored.Value!.GetDouble("Tokens") is { } left && stored.Value.GetDateTimeOffset("At") is { } at
                ? Math.Min(burst, left + (Math.Max(0, (now - at).TotalSeconds) * perSecond))
                : burst;
            if (tokens < 1)
            {
                return TimeSpan.FromSeconds(Math.Ceiling((1 - tokens) / perSecond));
            }

            var next = new TableEntity(organizerId, row) { ["Tokens"] = tokens - 1, ["At"] = now };
            try
            {
                await (stored.HasValue
                    ? table.UpdateEntityAsync(next, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(next, cancellationToken));
                return null;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken);
            }
        }

        // Dozens of the same organizer's requests at the same instant: a flood by any measure.
        return TimeSpan.FromSeconds(1);
    }
}
