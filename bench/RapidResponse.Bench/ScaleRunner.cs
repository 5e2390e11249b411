using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RapidResponse.Bench;

/// <summary>What <c>--scale</c> measures, and how big.</summary>
public sealed record ScaleOptions(int StormAlerts, int StormLawyers, int StormNgos, TimeSpan StormWindow, int NeighbourBig, int NeighbourSmall, IReadOnlyList<int> Growth)
{
    public static ScaleOptions Full { get; } = new(40, 20, 5, TimeSpan.FromSeconds(10), 1000, 5, [1000, 3000, 10000]);
}

public sealed record ScaleReport(
    BenchOptions Options, MachineInfo Machine, StormResult Storm, NeighbourResult Neighbour, IReadOnlyList<FanOutResult> Growth, TimeSpan Elapsed, string LoadAverageAtStart);

/// <summary>
/// The scale run (<c>--scale</c>): an alert storm, a second alert during a large fan-out, and one alert to a growing
/// number of recipients, one after the other on one host process.
/// </summary>
public static class ScaleRunner
{
    public static async Task<ScaleReport> RunAsync(BenchOptions options, ScaleOptions scale, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var load = MachineInfo.LoadAverageNow();
        void Say(string message) => progress?.Invoke($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {message}");

        Say("starting the local host with Azurite");
        await using var host = await BenchHost.StartAsync(options, cancellationToken);
        Say($"storm: {scale.StormAlerts} alerts × ({scale.StormLawyers} lawyers + {scale.StormNgos} NGOs) within {scale.StormWindow.TotalSeconds} s");
        var storm = await StormPhase.RunAsync(host, options, scale.StormAlerts, scale.StormLawyers, scale.StormNgos, scale.StormWindow, cancellationToken);
        Say($"second alert during a {scale.NeighbourBig}-recipient fan-out");
        var neighbour = await NeighbourPhase.RunAsync(host, options, scale.NeighbourBig, scale.NeighbourSmall, cancellationToken);
        var growth = new List<FanOutResult>();
        foreach (var recipients in scale.Growth)
        {
            Say($"growth: one alert to {recipients}");
            growth.Add(await FanOutPhase.RunAsync(host, options, string.Create(CultureInfo.InvariantCulture, $"BG-{growth.Count}"), recipients, probing: false, cancellationToken));
        }

        Say("done");
        return new ScaleReport(options, MachineInfo.Current(), storm, neighbour, growth, clock.Elapsed, load);
    }

    public static string ToMarkdown(ScaleReport report)
    {
        var text = new StringBuilder();
        var (o, s, n) = (report.Options, report.Storm, report.Neighbour);
        void Line(string line) => text.AppendLine(line);
        Line(Inv($"Machine: {report.Machine.Processors} cores, {report.Machine.Runtime}, load average {report.LoadAverageAtStart} at start, {report.Machine.LoadAverage} at end; run took {report.Elapsed.TotalSeconds:0} s"));
        Line(Inv($"Settings: Twilio:MessagesPerSecond {o.MessagesPerSecond}, stand-in latency {o.StandInLatency.TotalMilliseconds:0} ms, one host process"));
        Line("");
        Line("| storm | value | target |");
        Line("|---|---:|---|");
        Line(Inv($"| alerts × SMS recipients | {s.Alerts} × {s.SmsPerAlert} = {s.Sms} (+ NGOs by email) | |"));
        Line(Inv($"| press → first SMS p50 / p99 / max | {s.FirstSms.P50:0} / {s.FirstSms.P99:0} / {s.FirstSms.Max:0} ms | p99 < 1,000 ms: {(s.FirstSms.P99 < 1000 ? "met" : "**missed**")} |"));
        Line(Inv($"| completion (first press → every SMS) | {s.Completion.TotalSeconds:0.00} s | |"));
        Line(Inv($"| ideal at {o.MessagesPerSecond} msg/s (presses as they came) | {s.Ideal.TotalSeconds:0.00} s | |"));
        Line(Inv($"| ratio | {s.Ratio:0.00}× | ≤ 1.2×: {(s.Ratio <= 1.2 ? "met" : "**missed**")} |"));
        Line(Inv($"| storage calls (host, queue polls included) | {s.StorageCalls} ({(double)s.StorageCalls / s.Sms:0.0} per SMS) | |"));
        Line("");
        Line(Inv($"Second alert ({n.SecondLawyers} lawyers) pressed while a {n.BigRecipients}-recipient fan-out sends: first SMS {n.SecondFirstSms.TotalSeconds:0.00} s after its press (target ≤ 2 s: {(n.SecondFirstSms <= TimeSpan.FromSeconds(2) ? "met" : "**missed**")}), its last {n.SecondAllSms.TotalSeconds:0.00} s."));
        Line("");
        Line("| growth: recipients | press → last SMS | ideal | ratio | host peak working set (sampled / VmHWM) | GC heap | storage calls | per recipient |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var g in report.Growth)
        {
            Line(Inv($"| {g.Recipients} | {g.Last.TotalSeconds:0.00} s | {g.Ideal.TotalSeconds:0.00} s | {g.Ratio:0.00}× | {g.Memory.HostWorkingSet / 1048576} / {(g.Memory.HostPeakRss ?? 0) / 1048576} MB | {g.Memory.GcHeap / 1048576} MB | {g.StorageCalls} | {(double)g.StorageCalls / g.Recipients:0.00} |"));
        }

        return text.ToString();
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
