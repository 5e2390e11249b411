using System.Globalization;
using System.Text;

namespace RapidResponse.Bench;

/// <summary>The report as Markdown, the form docs/BENCHMARKS.md keeps.</summary>
public static class ReportWriter
{
    public static string ToMarkdown(BenchReport report)
    {
        var (o, m) = (report.Options, report.Machine);
        var floor = report.Floor;
        var text = new StringBuilder();
        Line(text, $"Machine: {m.Processors} cores, {Mb(m.MemoryBytes)} MB, {m.Runtime}, {m.Os}, {(m.ServerGc ? "server" : "workstation")} GC, load average {report.LoadAverageAtStart} at start, {m.LoadAverage} at end");
        Line(text, $"Settings: stand-in latency {Ms(o.StandInLatency.TotalMilliseconds)} ms, Twilio:MessagesPerSecond {o.MessagesPerSecond}, run took {F(report.Elapsed.TotalSeconds)} s");
        Line(text, "");
        Line(text, "| measure | n | p50 ms | p95 ms | p99 ms | max ms | ratio | target |");
        Line(text, "|---|---:|---:|---:|---:|---:|---|---|");
        Row(text, "floor: table write + queue put, one at a time", floor.StorageSequential, "", "");
        Row(text, $"floor: table write + queue put, {o.Concurrency} concurrent", floor.StorageConcurrent, "", "");
        Row(text, "floor: bare POST to the Twilio stand-in", floor.StandInPost, "", "");
        Row(text, $"press → 202, {o.Concurrency} concurrent", report.Press.Accepted,
            $"p99 {F(report.PressToFloor)}× floor ({o.Concurrency} concurrent); {F(report.Press.Accepted.P99 / floor.StorageSequential.P99)}× floor (one at a time)",
            Verdict("≤ 3× floor p99", report.PressTargetMet));
        var loaded = report.Press.LoadedFloor;
        Row(text, "context: the floor's write + put every 100 ms during the press phase", loaded,
            loaded.Count == 0 ? "" : $"press p50 {F(report.Press.Accepted.P50 / loaded.P50)}×, p99 {F(report.Press.Accepted.P99 / loaded.P99)}× this", "");
        Row(text, "press → first SMS request at the stand-in", report.FirstSms.Arrival,
            $"p50 {F(report.FirstSms.Arrival.P50 / (floor.StorageSequential.P50 + floor.StandInPost.P50 - o.StandInLatency.TotalMilliseconds))}× (floor write+put + POST w/o latency)",
            Verdict("p99 < 1,000 ms", report.FirstSmsTargetMet));
        Row(text, "press → first SMS answered by the stand-in (incl. latency)", report.FirstSms.Recorded, "", "");
        Row(text, "press → first SMS request, alerts with no Azurite stall", report.FirstSms.Unstalled, "", "");
        Line(text, "");

        var f = report.FanOut;
        Line(text, "| fan-out | value | target |");
        Line(text, "|---|---:|---|");
        Line(text, $"| recipients (SMS requests seen) | {f.Recipients} ({f.Requests}) | |");
        Line(text, $"| ideal: recipients ÷ {f.MessagesPerSecond} msg/s | {F(f.Ideal.TotalSeconds)} s | |");
        Line(text, $"| press → first SMS request | {F(f.First.TotalSeconds)} s | |");
        Line(text, $"| press → every SMS request | {F(f.Last.TotalSeconds)} s | |");
        Line(text, $"| ratio to ideal | {F(f.Ratio)}× | {Verdict("≤ 1.2×", report.FanOutTargetMet)} |");
        Line(text, $"| host peak working set (sampled / VmHWM) | {Mb(f.Memory.HostWorkingSet)} / {Mb(f.Memory.HostPeakRss)} MB | {Verdict("< 300 MB", report.MemoryTargetMet)} |");
        Line(text, $"| host peak GC heap (sampled) | {Mb(f.Memory.GcHeap)} MB | |");
        Line(text, $"| Azurite (node, tables + queues) peak RSS, separate processes | {Mb(f.Memory.AzuriteRss)} MB | |");
        Line(text, "");
        Line(text, $"Longest Azurite stall seen by the storage probe (table write + queue put every 100 ms): press phase {Ms(report.Press.LongestStall.TotalMilliseconds)} ms, " +
            $"first-SMS phase {Ms(report.FirstSms.LongestStall.TotalMilliseconds)} ms ({report.FirstSms.Alerts - report.FirstSms.Unstalled.Count} of {report.FirstSms.Alerts} alerts overlapped one), " +
            $"fan-out {Ms(f.LongestStall.TotalMilliseconds)} ms.");
        if (report.FirstSms.Unmatched > 0)
        {
            Line(text, "");
            Line(text, $"{report.FirstSms.Unmatched} alert(s) shared a reference with another and were left out of press → first SMS.");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, LatencyStats s, string ratio, string target) =>
        Line(text, $"| {name} | {s.Count} | {Ms(s.P50)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)} | {ratio} | {target} |");

    private static string Verdict(string target, bool met) => $"{target}: {(met ? "met" : "**missed**")}";

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture) : "n/a";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
