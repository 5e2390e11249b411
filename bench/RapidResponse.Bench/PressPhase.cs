namespace RapidResponse.Bench;

/// <summary>
/// Press → 202 under concurrent presses, and the storage probe's round trips meanwhile (<see cref="LoadedFloor"/>:
/// the floor's table write + queue put, sharing Azurite with the presses and the fan-outs and sends they cause).
/// </summary>
public sealed record PressResult(LatencyStats Accepted, int Concurrency, TimeSpan Elapsed, TimeSpan LongestStall, LatencyStats LoadedFloor);

/// <summary>
/// Presses at a fixed concurrency, one organizer per worker, in a region with one tier-1 lawyer, so every press
/// also fans out and sends (the queue pumps work while presses arrive). Waits for those sends before returning, so
/// the next phase starts on a quiet host.
/// </summary>
public static class PressPhase
{
    public static async Task<PressResult> RunAsync(BenchHost host, BenchOptions options, CancellationToken cancellationToken)
    {
        const string Region = "BP-PRESS";
        var lawyer = (await host.SeedLawyersAsync(Region, 1, cancellationToken))[0];
        var tokens = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => host.NewOrganizerAsync(Region, cancellationToken)));
        var before = host.Arrivals.Count;

        Task PressAsync(int i, string phase) =>
            Presses.PressAsync(host, tokens[i % tokens.Length], Region, $"{phase} press {i}: about 30 men inside", cancellationToken);

        await Timed.ConcurrentAsync(options.WarmupPresses, options.Concurrency, i => PressAsync(i, "Warm-up"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var probe = new StorageProbe(host);
        var samples = await Timed.ConcurrentAsync(options.Presses, options.Concurrency, i => PressAsync(i, "Timed"));
        var elapsed = started.Elapsed;
        var loadedFloor = probe.Latency();

        var expected = options.WarmupPresses + options.Presses;
        var drain = TimeSpan.FromSeconds(60 + (2.0 * expected / options.MessagesPerSecond));
        await host.Arrivals.WaitForAsync(a => a.Skip(before).Count(s => s.To == lawyer) >= expected, drain, $"{expected} press SMS");
        return new PressResult(LatencyStats.From(samples), options.Concurrency, elapsed, probe.Stalls.Select(s => s.Duration).DefaultIfEmpty().Max(), loadedFloor);
    }
}
