using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>A second alert pressed while a large fan-out sends: how long its first lawyer waits.</summary>
public sealed record NeighbourResult(int BigRecipients, TimeSpan SecondFirstSms, TimeSpan SecondAllSms, int SecondLawyers);

public static class NeighbourPhase
{
    public static async Task<NeighbourResult> RunAsync(BenchHost host, BenchOptions options, int big, int small, CancellationToken cancellationToken)
    {
        var bigPhones = (await host.SeedLawyersAsync("BN-BIG", big, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var smallPhones = (await host.SeedLawyersAsync("BN-SMALL", small, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var token = await host.NewOrganizerAsync(["BN-BIG", "BN-SMALL"], cancellationToken);
        var before = host.Arrivals.Count;

        await Presses.PressAsync(host, token, "BN-BIG", "Big fan-out press", cancellationToken);
        // Well into the fan-out: its backlog fills the deliveries queue and the send budget.
        await host.Arrivals.WaitForAsync(a => a.Skip(before).Count(s => bigPhones.Contains(s.To)) >= Math.Min(big / 5, 200), TimeSpan.FromMinutes(2), "the big fan-out under way");
        var start = Stopwatch.GetTimestamp();
        await Presses.PressAsync(host, token, "BN-SMALL", "Second alert during the fan-out", cancellationToken);
        await host.Arrivals.WaitForAsync(a => a.Skip(before).Where(s => smallPhones.Contains(s.To)).Select(s => s.To).Distinct(StringComparer.Ordinal).Count() == small,
            TimeSpan.FromMinutes(3), "the second alert's SMS");
        var smallSends = host.Arrivals.Since(before).Where(s => smallPhones.Contains(s.To)).ToList();
        TimeSpan At(long timestamp) => Stopwatch.GetElapsedTime(start, timestamp) - options.StandInLatency;
        var result = new NeighbourResult(big, At(smallSends.Min(s => s.Timestamp)), At(smallSends.Max(s => s.Timestamp)), small);

        await host.Arrivals.WaitForAsync(a => a.Skip(before).Where(s => bigPhones.Contains(s.To)).Select(s => s.To).Distinct(StringComparer.Ordinal).Count() == big,
            TimeSpan.FromMinutes(5), "the big fan-out to finish");
        return result;
    }
}
