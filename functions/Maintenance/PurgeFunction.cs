using Microsoft.Azure.Functions.Worker;
using RapidResponse.Retention;

namespace RapidResponse.Functions.Maintenance;

public sealed class PurgeFunction(RetentionPurge purge)
{
    /// <summary>Daily at 03:00 UTC: alerts, deliveries and idempotency rows past <c>RapidResponse__RetentionDays</c> are deleted.</summary>
    [Function("Purge")]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        purge.PurgeAsync(cancellationToken);

    public const string Schedule = "0 0 3 * * *";
}
