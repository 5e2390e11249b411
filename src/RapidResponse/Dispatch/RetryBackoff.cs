namespace RapidResponse.Dispatch;

/// <summary>
/// How long a send waits after its provider could not be used: 5 s, doubling, at most 5 minutes, and never longer
/// than the alert is old (an alert a minute old waits at most a minute). The wait is the new message's initial
/// visibility, so an outage of any length spends no dequeue count and parks nothing; the watchdog's probes bring
/// the held sends back within seconds of a recovery (<see cref="DispatchWatchdog"/>).
/// </summary>
public static class RetryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>From this many failures in a row, the provider counts as down (a glitch is over sooner).</summary>
    public const int OutageAfter = 3;

    /// <param name="failures">Failures in a row of this send, the one just seen included.</param>
    /// <param name="alertAge">How old the alert is.</param>
    /// <param name="scale"><see cref="RapidResponseOptions.BackoffScale"/>: 1 in service; tests compress the schedule.</param>
    public static TimeSpan For(int failures, TimeSpan alertAge, double scale = 1)
    {
        var first = First * scale;
        var longest = Longest * scale;
        var doubled = first * Math.Pow(2, Math.Clamp(failures - 1, 0, 16));
        var capped = doubled < longest ? doubled : longest;
        var byAge = alertAge > first ? alertAge : first;
        return capped < byAge ? capped : byAge;
    }
}
