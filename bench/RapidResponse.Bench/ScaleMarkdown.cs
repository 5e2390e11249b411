using System.Globalization;
using System.Text;

namespace RapidResponse.Bench;

/// <summary>
/// The scale run's report, piece by piece (each ends its own lines): the run prints each piece as its phase ends, so
/// a run that is stopped still leaves the numbers it has; <see cref="ScaleRunner.ToMarkdown"/> joins the same pieces.
/// </summary>
public static class ScaleMarkdown
{
    public static string Header(BenchOptions o, MachineInfo machine, string loadAtStart, IReadOnlyList<string> phases) => Lines(
        Inv($"Machine: {machine.Processors} cores, {machine.Runtime}, load average {loadAtStart} at start"),
        Inv($"Settings: Twilio:MessagesPerSecond {o.MessagesPerSecond} (in storm3 one budget shared by its {Storm3Phase.Processes} processes), stand-in latency {o.StandInLatency.TotalMilliseconds:0} ms; phases {string.Join(", ", phases)}, each on one host process but storm3"),
        "");

    public static string Storm(StormResult s, BenchOptions o) => StormTable("storm", s, o, []);

    public static string Storm3(Storm3Result r, BenchOptions o)
    {
        var peaks = string.Join(" / ", r.PeakRss.Select(p => p is { } bytes ? Inv($"{bytes / 1048576}") : "n/a"));
        return StormTable(Inv($"storm on {r.PeakRss.Count} processes"), r.Storm, o, [$"| peak resident set per process (VmHWM) | {peaks} MB | |"]);
    }

    public static string Neighbour(NeighbourResult n) => Lines(Inv(
        $"Second alert ({n.SecondLawyers} lawyers) pressed while a {n.BigRecipients}-recipient fan-out sends: first SMS {n.SecondFirstSms.TotalSeconds:0.00} s after its press (target ≤ 2 s: {(n.SecondFirstSms <= TimeSpan.FromSeconds(2) ? "met" : "**missed**")}), its last {n.SecondAllSms.TotalSeconds:0.00} s."), "");

    public static string GrowthHeader() => Lines(
        "| growth: recipients | press → last SMS | ideal | ratio | host peak working set (sampled / VmHWM) | GC heap | storage calls | per recipient |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|");

    public static string GrowthRow(FanOutResult g) => Lines(Inv(
        $"| {g.Recipients} | {g.Last.TotalSeconds:0.00} s | {g.Ideal.TotalSeconds:0.00} s | {g.Ratio:0.00}× | {g.Memory.HostWorkingSet / 1048576} / {(g.Memory.HostPeakRss ?? 0) / 1048576} MB | {g.Memory.GcHeap / 1048576} MB | {g.StorageCalls} | {(double)g.StorageCalls / g.Recipients:0.00} |"));

    public static string Alone(AloneResult a) => Lines(Inv(
        $"One alert to {a.Recipients} on a host process of its own: press → last SMS {a.Last.TotalSeconds:0.00} s against {a.Ideal.TotalSeconds:0.00} s ({a.Ratio:0.00}×); the host's peak resident set (VmHWM) {(a.PeakRss is { } bytes ? Inv($"{bytes / 1048576} MB") : "n/a")} (target < 300 MB at 10,000: {(a.PeakRss is { } b && b < 300L * 1048576 ? "met" : "**missed**")})."), "");

    /// <summary>After the last growth row: the blank line that ends the table.</summary>
    public static string GrowthEnd() => Environment.NewLine;

    public static string Footer(TimeSpan elapsed, string loadAtEnd) => Lines(Inv($"Run took {elapsed.TotalSeconds:0} s; load average {loadAtEnd} at end."));

    private static string StormTable(string title, StormResult s, BenchOptions o, IReadOnlyList<string> more)
    {
        List<string> rows =
        [
            $"| {title} | value | target |",
            "|---|---:|---|",
            Inv($"| alerts × SMS recipients | {s.Alerts} × {s.SmsPerAlert} = {s.Sms} (+ NGOs by email) | |"),
            Inv($"| press → first SMS p50 / p99 / max | {s.FirstSms.P50:0} / {s.FirstSms.P99:0} / {s.FirstSms.Max:0} ms | p99 < 1,000 ms: {(s.FirstSms.P99 < 1000 ? "met" : "**missed**")} |"),
            Inv($"| completion (first press → every SMS) | {s.Completion.TotalSeconds:0.00} s | |"),
            Inv($"| ideal at {o.MessagesPerSecond} msg/s (presses as they came) | {s.Ideal.TotalSeconds:0.00} s | |"),
            Inv($"| ratio | {s.Ratio:0.00}× | ≤ 1.2×: {(s.Ratio <= 1.2 ? "met" : "**missed**")} |"),
            Inv($"| duplicates (SMS beyond one per lawyer, {StormPhase.Settle.TotalSeconds:0} s after the last first SMS) | {s.Duplicates} | none: {(s.Duplicates == 0 ? "met" : "**missed**")} |"),
        ];
        if (s.StorageCalls is { } calls)
        {
            rows.Add(Inv($"| storage calls (host, queue polls included) | {calls} ({(double)calls / s.Sms:0.0} per SMS) | |"));
        }

        return Lines([.. rows, .. more, ""]);
    }

    private static string Lines(params IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
