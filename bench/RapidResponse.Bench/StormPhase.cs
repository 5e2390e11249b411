using System.Diagnostics;
using System.Globalization;

namespace RapidResponse.Bench;

/// <summary>An alert storm: press → first SMS per alert, and completion against a perfect server at the global rate.</summary>
public sealed record StormResult(int Alerts, int SmsPerAlert, int Sms, LatencyStats FirstSms, TimeSpan Completion, TimeSpan Ideal, long StorageCalls)
{
    public double Ratio => Completion / Ideal;
}

public static class StormPhase
{
    /// <summary>
    /// <paramref name="alerts"/> alerts in as many regions within <paramref name="window"/>, each to
    /// <paramref name="lawyers"/> lawyers (SMS) and <paramref name="ngos"/> NGOs (email).
    /// </summary>
    public static async Task<StormResult> RunAsync(BenchHost host, BenchOptions options, int alerts, int lawyers, int ngos, TimeSpan window, CancellationToken cancellationToken)
    {
        var regions = Enumerable.Range(0, alerts).Select(i => string.Create(CultureInfo.InvariantCulture, $"BS-S{i:D2}")).ToList();
        var phones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            phones.UnionWith(await host.SeedLawyersAsync(region, lawyers, cancellationToken));
            await host.SeedNgosAsync(region, ngos, cancellationToken);
        }

        var token = await host.NewOrganizerAsync(regions, cancellationToken);
        var before = host.Arrivals.Count;
        using var calls = new StorageCalls(host);
        var start = Stopwatch.GetTimestamp();
        var pressed = new List<(string Reference, TimeSpan At)>();
        var presses = new List<Task>();
        for (var i = 0; i < alerts; i++)
        {
            var at = Stopwatch.GetElapsedTime(start);
            var region = regions[i];
            presses.Add(Task.Run(async () =>
            {
                var id = await Presses.PressAsync(host, token, region, "Storm press: mass detentions after the march", cancellationToken);
                lock (pressed)
                {
                    pressed.Add((Presses.Reference(id), at));
                }
            }, cancellationToken));
            await Task.Delay(window / alerts, cancellationToken);
        }

        await Task.WhenAll(presses);
        await host.Arrivals.WaitForAsync(
            a => a.Skip(before).Where(s => phones.Contains(s.To)).Select(s => s.To).Distinct(StringComparer.Ordinal).Count() == phones.Count,
            TimeSpan.FromSeconds(60) + (10 * TimeSpan.FromSeconds((double)phones.Count / options.MessagesPerSecond)), $"{phones.Count} storm SMS");

        var sends = host.Arrivals.Since(before).Where(s => phones.Contains(s.To)).ToList();
        TimeSpan At(long timestamp) => Stopwatch.GetElapsedTime(start, timestamp) - options.StandInLatency;
        var first = pressed.Select(p => At(sends.Where(s => s.Body.Contains(p.Reference, StringComparison.Ordinal)).Min(s => s.Timestamp)) - p.At);
        var everyone = At(sends.GroupBy(s => s.To, StringComparer.Ordinal).Max(g => g.Min(s => s.Timestamp)));
        return new StormResult(alerts, lawyers, phones.Count, LatencyStats.From(first), everyone,
            Ideal(pressed.Select(p => p.At).Order().ToList(), lawyers, options.MessagesPerSecond), calls.Count);
    }

    /// <summary>A perfect sender at the global rate: each alert's SMS join one queue at its press, served in order.</summary>
    public static TimeSpan Ideal(IReadOnlyList<TimeSpan> presses, int smsPerAlert, int rate)
    {
        var free = TimeSpan.Zero;
        foreach (var at in presses)
        {
            free = (at > free ? at : free) + TimeSpan.FromSeconds((double)smsPerAlert / rate);
        }

        return free;
    }
}
