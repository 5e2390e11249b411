using Microsoft.Azure.Functions.Worker;
using RapidResponse.Dispatch;

namespace RapidResponse.Functions.Dispatch;

public sealed class WatchdogFunction(DispatchWatchdog watchdog)
{
    /// <summary>Every 10 s: work a dead instance left invisible on a queue is put back (see DispatchWatchdog).</summary>
    [Function("Watchdog")]
    public Task RunAsync([TimerTrigger(DispatchWatchdog.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        watchdog.SweepAsync(cancellationToken);
}
