using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>
/// Press → first Twilio request at the stand-in. <see cref="Arrival"/> is when the request reached the stand-in
/// (recorded time minus the stand-in's configured latency); <see cref="Recorded"/> is when the stand-in answered.
/// </summary>
/// <remarks><see cref="Unstalled"/> leaves out the alerts during which the storage probe saw Azurite stall.</remarks>
public sealed record FirstSmsResult(
    LatencyStats Arrival, LatencyStats Recorded, LatencyStats Unstalled, int Alerts, int Unmatched, TimeSpan LongestStall);

/// <summary>
/// Alerts pressed one at a time at random (Poisson) moments, so each meets the queue pumps in whatever state of
/// their polling back-off it finds them, as a real press does; each alert's SMS is found by its reference.
/// </summary>
public static class FirstSmsPhase
{
    public static async Task<FirstSmsResult> RunAsync(BenchHost host, BenchOptions options, CancellationToken cancellationToken)
    {
        const string Region = "BS-FIRST";
        await host.SeedLawyersAsync(Region, 1, cancellationToken);
        var token = await host.NewOrganizerAsync(Region, cancellationToken);
        var before = host.Arrivals.Count;
        await using var probe = new StorageProbe(host);
        var random = new Random(8);

        var presses = new List<Task<(string Reference, long Start)>>();
        var clock = Stopwatch.StartNew();
        var due = TimeSpan.Zero;
        for (var i = 0; i < options.Alerts; i++)
        {
            due += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / options.AlertsPerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var n = i;
            presses.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                var alertId = await Presses.PressAsync(host, token, Region, $"First-SMS press {n}: police present", cancellationToken);
                return (Presses.Reference(alertId), start);
            }, cancellationToken));
        }

        var pressed = await Task.WhenAll(presses);
        var duplicates = pressed.GroupBy(p => p.Reference, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var timed = pressed.Where(p => !duplicates.Contains(p.Reference)).ToList();
        await host.Arrivals.WaitForAsync(
            a => timed.All(p => a.Skip(before).Any(s => s.Body.Contains(p.Reference, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), $"the SMS of {timed.Count} alerts");

        var arrivals = host.Arrivals.Since(before);
        var firsts = timed.Select(p => (p.Start, End: arrivals.Where(s => s.Body.Contains(p.Reference, StringComparison.Ordinal)).Min(s => s.Timestamp))).ToList();
        var recorded = firsts.Select(f => Stopwatch.GetElapsedTime(f.Start, f.End)).ToList();
        var unstalled = firsts.Where(f => !probe.StalledDuring(f.Start, f.End)).Select(f => Stopwatch.GetElapsedTime(f.Start, f.End) - options.StandInLatency);
        return new FirstSmsResult(
            LatencyStats.From(recorded.Select(r => r - options.StandInLatency)),
            LatencyStats.From(recorded),
            LatencyStats.From(unstalled),
            timed.Count,
            pressed.Length - timed.Count,
            probe.Stalls.Select(s => s.Duration).DefaultIfEmpty().Max());
    }
}
