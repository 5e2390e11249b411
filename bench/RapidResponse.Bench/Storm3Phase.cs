namespace RapidResponse.Bench;

/// <summary>The storm on several host processes: the same figures, and each process's peak resident set.</summary>
public sealed record Storm3Result(StormResult Storm, IReadOnlyList<long?> PeakRss);

/// <summary>
/// The storm of <see cref="StormPhase"/> over three local-host processes on one Azurite and one set of stand-ins,
/// <c>Twilio:MessagesPerSecond</c> the budget all three share, presses spread over them in turn.
/// </summary>
public static class Storm3Phase
{
    public const int Processes = 3;

    public static async Task<Storm3Result> RunAsync(BenchOptions options, ScaleOptions scale, Action<string> say, CancellationToken cancellationToken)
    {
        say($"storm3: starting {Processes} host processes on one Azurite (logs in {BenchLogs.Folder})");
        await using var instances = await BenchInstances.StartAsync(options, Processes, "storm3", cancellationToken);
        say($"storm3: {scale.StormAlerts} alerts × ({scale.StormLawyers} lawyers + {scale.StormNgos} NGOs) within {scale.StormWindow.TotalSeconds} s over {Processes} processes");
        var peaksReset = instances.ProcessIds.Select(ProcStats.TryResetPeak).ToList();
        var storm = await StormPhase.RunAsync(instances, "BM-S", options, scale.StormAlerts, scale.StormLawyers, scale.StormNgos, scale.StormWindow, cancellationToken);
        var peaks = instances.ProcessIds.Select((pid, i) => peaksReset[i] ? ProcStats.PeakRss(pid) : null).ToList();
        return new Storm3Result(storm, peaks);
    }
}
