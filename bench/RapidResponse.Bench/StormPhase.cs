using System.Diagnostics;
using System.Globalization;

namespace RapidResponse.Bench;

/// <summary>
/// An alert storm: press → first SMS per alert, completion against a perfect server at the global rate, and the
/// SMS beyond one per lawyer. <see cref="StorageCalls"/> is null where the hosts are other processes.
/// </summary>
public sealed record StormResult(int Alerts, int SmsPerAlert, int Sms, LatencyStats FirstSms, TimeSpan Completion, TimeSpan Ideal, int Duplicates, long? StorageCalls)
{
    public double Ratio => Completion / Ideal;
}

public static class StormPhase
{
    /// <summary>
    /// Storm-sized warm-up alerts per entry. Which process fans out or sends an alert is the queues' choice, not the
    /// entry's, so one alert per process leaves some processes' fan-out or email path cold: with four per process (12
    /// on three), a process misses a path with odds of (2/3)^12, under 1 %.
    /// </summary>
    private const int WarmUpsPerEntry = 4;

    /// <summary>How long after every lawyer's first SMS a late second one is still counted as a duplicate.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>The storm on the bench's in-process host, with the host's storage calls counted.</summary>
    public static async Task<StormResult> RunAsync(BenchHost host, BenchOptions options, int alerts, int lawyers, int ngos, TimeSpan window, CancellationToken cancellationToken)
    {
        var seeded = await SeedAsync(host, "BS-S", alerts, lawyers, ngos, cancellationToken);
        using var calls = new StorageCalls(host);
        return await PressAsync(host, seeded, options, window, () => calls.Count, cancellationToken);
    }

    /// <summary>
    /// <paramref name="alerts"/> alerts in as many regions (<paramref name="prefix"/>00, 01, …) within
    /// <paramref name="window"/>, each to <paramref name="lawyers"/> lawyers (SMS) and <paramref name="ngos"/> NGOs
    /// (email), pressed through the target's entries in turn.
    /// </summary>
    public static async Task<StormResult> RunAsync(IStormTarget target, string prefix, BenchOptions options, int alerts, int lawyers, int ngos, TimeSpan window, CancellationToken cancellationToken)
    {
        var seeded = await SeedAsync(target, prefix, alerts, lawyers, ngos, cancellationToken);
        return await PressAsync(target, seeded, options, window, () => null, cancellationToken);
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

    private static async Task<Seeded> SeedAsync(IStormTarget target, string prefix, int alerts, int lawyers, int ngos, CancellationToken cancellationToken)
    {
        var regions = Enumerable.Range(0, alerts).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D2}")).ToList();
        var phones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            phones.UnionWith(await target.SeedLawyersAsync(region, lawyers, cancellationToken));
            await target.SeedNgosAsync(region, ngos, cancellationToken);
        }

        // Warm-up regions shaped as the storm's: the same lawyers and NGOs, so the email path is warmed too.
        var warmUps = new List<(string Region, IReadOnlyList<string> Phones)>();
        for (var i = 0; i < target.Entries.Count * WarmUpsPerEntry; i++)
        {
            var region = string.Create(CultureInfo.InvariantCulture, $"{prefix}W{i}");
            warmUps.Add((region, await target.SeedLawyersAsync(region, lawyers, cancellationToken)));
            await target.SeedNgosAsync(region, ngos, cancellationToken);
        }

        // As in a crackdown, each city's alert is raised by its own organizer.
        var organizers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in regions.Concat(warmUps.Select(w => w.Region)))
        {
            organizers[region] = await target.NewOrganizerAsync([region], cancellationToken);
        }

        return new Seeded(regions, lawyers, phones, organizers, warmUps);
    }

    /// <summary>
    /// <see cref="WarmUpsPerEntry"/> untimed alerts through each entry, all waited for, before the timed storm: as a
    /// deployment's instances are warm after their first requests, the storm measures the service, not each process's
    /// first compilation of the press, fan-out, SMS and email paths.
    /// </summary>
    private static async Task WarmUpAsync(IStormTarget target, Seeded seeded, CancellationToken cancellationToken)
    {
        var from = target.Arrivals.Count;
        for (var i = 0; i < seeded.WarmUps.Count; i++)
        {
            var region = seeded.WarmUps[i].Region;
            await Presses.PressAsync(target.Entries[i % target.Entries.Count], seeded.Organizers[region], region, "Warm-up press", cancellationToken);
        }

        var phones = seeded.WarmUps.SelectMany(w => w.Phones).ToHashSet(StringComparer.Ordinal);
        await target.Arrivals.WaitForEveryAsync(phones, from, TimeSpan.FromSeconds(120), "the warm-up SMS");
        await Task.Delay(Settle, cancellationToken); // the emails and the last sends' writes, before the timed storm
    }

    private static async Task<StormResult> PressAsync(
        IStormTarget target, Seeded seeded, BenchOptions options, TimeSpan window, Func<long?> storageCalls, CancellationToken cancellationToken)
    {
        await WarmUpAsync(target, seeded, cancellationToken);
        var (regions, phones) = (seeded.Regions, seeded.Phones);
        var before = target.Arrivals.Count;
        var start = Stopwatch.GetTimestamp();
        var pressed = new List<(string Reference, TimeSpan At)>();
        var presses = new List<Task>();
        for (var i = 0; i < regions.Count; i++)
        {
            var at = Stopwatch.GetElapsedTime(start);
            var (region, entry) = (regions[i], target.Entries[i % target.Entries.Count]);
            presses.Add(Task.Run(async () =>
            {
                var id = await Presses.PressAsync(entry, seeded.Organizers[region], region, "Storm press: mass detentions after the march", cancellationToken);
                lock (pressed)
                {
                    pressed.Add((Presses.Reference(id), at));
                }
            }, cancellationToken));
            await Task.Delay(window / regions.Count, cancellationToken);
        }

        await Task.WhenAll(presses);
        await target.Arrivals.WaitForEveryAsync(
            phones, before, TimeSpan.FromSeconds(60) + (10 * TimeSpan.FromSeconds((double)phones.Count / options.MessagesPerSecond)), $"{phones.Count} storm SMS");
        var calls = storageCalls();
        await Task.Delay(Settle, cancellationToken);

        var sends = target.Arrivals.Since(before).Where(s => phones.Contains(s.To)).ToList();
        TimeSpan At(long timestamp) => Stopwatch.GetElapsedTime(start, timestamp) - options.StandInLatency;
        var first = pressed.Select(p => At(sends.Where(s => s.Body.Contains(p.Reference, StringComparison.Ordinal)).Min(s => s.Timestamp)) - p.At);
        var everyone = At(target.Arrivals.EveryoneReached(phones, before));
        return new StormResult(regions.Count, seeded.LawyersPerAlert, phones.Count, LatencyStats.From(first), everyone,
            Ideal(pressed.Select(p => p.At).Order().ToList(), seeded.LawyersPerAlert, options.MessagesPerSecond), sends.Count - phones.Count, calls);
    }

    /// <summary>
    /// The storm's regions seeded, their lawyers' numbers, each region's organizer (their token), and a warm-up
    /// region with its lawyer per entry.
    /// </summary>
    private sealed record Seeded(
        IReadOnlyList<string> Regions,
        int LawyersPerAlert,
        IReadOnlySet<string> Phones,
        IReadOnlyDictionary<string, string> Organizers,
        IReadOnlyList<(string Region, IReadOnlyList<string> Phones)> WarmUps);
}
