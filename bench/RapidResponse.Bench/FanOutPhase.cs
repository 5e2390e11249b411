using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>
/// One alert to many lawyers: when the first and the last SMS request reached the stand-in (recorded time minus the
/// stand-in's latency), against the ideal of recipients ÷ the configured send rate; and memory meanwhile.
/// </summary>
public sealed record FanOutResult(
    int Recipients, int MessagesPerSecond, TimeSpan Ideal, TimeSpan First, TimeSpan Last, int Requests, MemoryPeaks Memory, TimeSpan LongestStall)
{
    public double Ratio => Last / Ideal;
}

public static class FanOutPhase
{
    public static async Task<FanOutResult> RunAsync(BenchHost host, BenchOptions options, CancellationToken cancellationToken)
    {
        const string Region = "BF-FAN";
        var phones = (await host.SeedLawyersAsync(Region, options.Recipients, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var token = await host.NewOrganizerAsync(Region, cancellationToken);
        var before = host.Arrivals.Count;
        var ideal = TimeSpan.FromSeconds((double)options.Recipients / options.MessagesPerSecond);

        await using var memory = new MemorySampler(host.AzuriteProcessIds());
        await using var probe = new StorageProbe(host);
        var start = Stopwatch.GetTimestamp();
        await Presses.PressAsync(host, token, Region, "Fan-out press: everyone to the court house", cancellationToken);
        await host.Arrivals.WaitForAsync(
            a => a.Skip(before).Where(s => phones.Contains(s.To)).Select(s => s.To).Distinct(StringComparer.Ordinal).Count() == phones.Count,
            ideal * 10 + TimeSpan.FromSeconds(30), $"{phones.Count} fan-out SMS");
        var peaks = await memory.StopAsync();

        var sends = host.Arrivals.Since(before).Where(s => phones.Contains(s.To)).ToList();
        TimeSpan At(long timestamp) => Stopwatch.GetElapsedTime(start, timestamp) - options.StandInLatency;
        // Every recipient reached = the latest of each number's first request (a retried send does not count twice).
        var everyone = sends.GroupBy(s => s.To, StringComparer.Ordinal).Max(g => g.Min(s => s.Timestamp));
        return new FanOutResult(
            options.Recipients, options.MessagesPerSecond, ideal, At(sends.Min(s => s.Timestamp)), At(everyone), sends.Count, peaks,
            probe.Stalls.Select(s => s.Duration).DefaultIfEmpty().Max());
    }
}
