using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>The largest growth step again, on a host of its own: press → last SMS, and the host's own peak memory.</summary>
public sealed record AloneResult(int Recipients, TimeSpan Ideal, TimeSpan Last, long? PeakRss)
{
    public double Ratio => Last / Ideal;
}

/// <summary>
/// One alert to many lawyers on one local-host process of the bench's build (<see cref="BenchInstances"/>): its peak
/// resident set is the host's alone, where the in-process host's also holds the stand-ins (every SMS recorded) and
/// the bench. Storage calls are not counted here (the bench counts only its own process's).
/// </summary>
public static class AlonePhase
{
    public static async Task<AloneResult> RunAsync(BenchOptions options, int recipients, Action<string> say, CancellationToken cancellationToken)
    {
        say($"alone: starting a host process (logs in {BenchLogs.Folder})");
        await using var instance = await BenchInstances.StartAsync(options, 1, "alone", cancellationToken);
        const string region = "BA-0";
        var phones = (await instance.SeedLawyersAsync(region, recipients, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var token = await instance.NewOrganizerAsync([region], cancellationToken);
        var pid = instance.ProcessIds[0];
        var reset = ProcStats.TryResetPeak(pid);
        var ideal = TimeSpan.FromSeconds((double)recipients / options.MessagesPerSecond);

        say($"alone: one alert to {recipients} on its own host process");
        var start = Stopwatch.GetTimestamp();
        await Presses.PressAsync(instance.Entries[0], token, region, "Alone press: everyone to the court house", cancellationToken);
        await instance.Arrivals.WaitForEveryAsync(phones, 0, ideal * 10 + TimeSpan.FromSeconds(30), $"{phones.Count} SMS of the alert on its own host");
        var peak = reset ? ProcStats.PeakRss(pid) : null;

        var everyone = instance.Arrivals.EveryoneReached(phones, 0);
        say($"alone: SMS a second, by 10 s from the press: {string.Join(", ", PerTenSeconds(instance.Arrivals.Since(0), start))}");
        return new AloneResult(recipients, ideal, Stopwatch.GetElapsedTime(start, everyone) - options.StandInLatency, peak);
    }

    /// <summary>Where the time goes: the send rate in each 10 s of the fan-out (at the budget's rate throughout, ideally).</summary>
    private static IEnumerable<string> PerTenSeconds(IReadOnlyList<SmsArrival> arrivals, long start) =>
        arrivals
            .GroupBy(a => (int)(Stopwatch.GetElapsedTime(start, a.Timestamp).TotalSeconds / 10))
            .OrderBy(g => g.Key)
            .Select(g => (g.Count() / 10.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture));
}
