using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>
/// One alert to many lawyers: when the first and the last SMS request reached the stand-in (recorded time minus the
/// stand-in's latency), against the ideal of recipients ÷ the configured send rate; and memory meanwhile.
/// </summary>
public sealed record FanOutResult(
    int Recipients, int MessagesPerSecond, TimeSpan Ideal, TimeSpan First, TimeSpan Last, int Requests, MemoryPeaks Memory, TimeSpan LongestStall,
    long StorageCalls = 0)
{
    public double Ratio => Last / Ideal;
}

public static class FanOutPhase
{
    public static Task<FanOutResult> RunAsync(BenchHost host, BenchOptions options, CancellationToken cancellationToken) =>
        RunAsync(host, options, "BF-FAN", options.Recipients, probing: true, cancellationToken);

    /// <summary>
    /// One alert to <paramref name="recipients"/> lawyers of <paramref name="region"/>; with <paramref name="probing"/>
    /// the storage probe runs alongside (its calls then count among the storage calls).
    /// </summary>
    public static async Task<FanOutResult> RunAsync(
        BenchHost host, BenchOptions options, string region, int recipients, bool probing, CancellationToken cancellationToken)
    {
        var phones = (await host.SeedLawyersAsync(region, recipients, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var token = await host.NewOrganizerAsync(region, cancellationToken);
        var before = host.Arrivals.Count;
        var ideal = TimeSpan.FromSeconds((double)recipients / options.MessagesPerSecond);

        await using var memory = new MemorySampler(host.AzuriteProcessIds());
        await using var probe = probing ? new StorageProbe(host) : null;
        using var calls = new StorageCalls(host);
        var start = Stopwatch.GetTimestamp();
        await Presses.PressAsync(host, token, region, "Fan-out press: everyone to the court house", cancellationToken);
        await host.Arrivals.WaitForEveryAsync(phones, before, ideal * 10 + TimeSpan.FromSeconds(30), $"{phones.Count} fan-out SMS");
        var peaks = await memory.StopAsync();
        var storageCalls = calls.Count;

        var sends = host.Arrivals.Since(before).Where(s => phones.Contains(s.To)).ToList();
        TimeSpan At(long timestamp) => Stopwatch.GetElapsedTime(start, timestamp) - options.StandInLatency;
        var everyone = host.Arrivals.EveryoneReached(phones, before);
        return new FanOutResult(
            recipients, options.MessagesPerSecond, ideal, At(sends.Min(s => s.Timestamp)), At(everyone), sends.Count, peaks,
            probe?.Stalls.Select(s => s.Duration).DefaultIfEmpty().Max() ?? TimeSpan.Zero, storageCalls);
    }
}
