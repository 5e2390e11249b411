using System.Text;
using RapidResponse.Bench;

namespace RapidResponse.Tests.Bench;

/// <summary>
/// The benchmark's whole run at toy sizes, so it does not rot: every phase runs and reports sane numbers (the storm on
/// three processes starts three local-host processes, so the scale run takes a minute or so). No timing
/// is asserted (machines are shared and noisy); docs/BENCHMARKS.md holds the real run.
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly BenchOptions Tiny = new()
    {
        Presses = 12,
        Concurrency = 4,
        WarmupPresses = 4,
        Alerts = 4,
        AlertsPerSecond = 20,
        Recipients = 15,
        MessagesPerSecond = 100,
        StandInLatency = TimeSpan.FromMilliseconds(5),
        FloorSamples = 20,
        PostSamples = 3,
    };

    [Fact]
    public async Task QuickRun_ReportsEveryMeasurement_WithCountsThatMatch()
    {
        var report = await BenchRunner.RunAsync(Tiny, progress: null, CancellationToken.None);

        Assert.Equal(Tiny.FloorSamples, report.Floor.StorageConcurrent.Count);
        Assert.Equal(Tiny.PostSamples, report.Floor.StandInPost.Count);
        Assert.Equal(Tiny.Presses, report.Press.Accepted.Count);
        Assert.Equal(Tiny.Alerts, report.FirstSms.Alerts + report.FirstSms.Unmatched);
        Assert.Equal(Tiny.Alerts - report.FirstSms.Unmatched, report.FirstSms.Arrival.Count);
        Assert.Equal(Tiny.Recipients, report.FanOut.Recipients);
        Assert.True(report.FanOut.Requests >= Tiny.Recipients);
        foreach (var stats in new[] { report.Floor.StorageSequential, report.Floor.StorageConcurrent, report.Floor.StandInPost, report.Press.Accepted, report.FirstSms.Recorded })
        {
            Assert.True(stats.P50 >= 0 && stats.P50 <= stats.P95 && stats.P95 <= stats.P99 && stats.P99 <= stats.Max, stats.ToString());
        }

        Assert.True(report.FanOut.Last >= report.FanOut.First && report.FanOut.First > TimeSpan.Zero);
        Assert.True(report.FanOut.Memory.HostWorkingSet > 0 && report.FanOut.Memory.GcHeap > 0);
        Assert.Contains("press → 202", ReportWriter.ToMarkdown(report), StringComparison.Ordinal);
        Assert.Contains("during the press phase", ReportWriter.ToMarkdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScaleRun_ReportsTheStormOnOneAndThreeProcessesTheNeighbourAndEachGrowthStep_AsEachEnds()
    {
        var scale = new ScaleOptions(StormAlerts: 3, StormLawyers: 4, StormNgos: 1, StormWindow: TimeSpan.FromSeconds(0.3), NeighbourBig: 30, NeighbourSmall: 4, Growth: [10, 20]);
        var printed = new StringBuilder();

        var report = await ScaleRunner.RunAsync(Tiny, scale, progress: null, markdown: piece => printed.Append(piece), CancellationToken.None);

        foreach (var storm in new[] { report.Storm!, report.Storm3!.Storm })
        {
            Assert.Equal(12, storm.Sms);
            Assert.Equal(3, storm.FirstSms.Count);
            Assert.True(storm.Ideal >= TimeSpan.FromSeconds(12.0 / Tiny.MessagesPerSecond) && storm.Completion > TimeSpan.Zero);
            Assert.True(storm.Duplicates >= 0);
        }

        Assert.True(report.Storm!.StorageCalls > 0);
        Assert.Null(report.Storm3.Storm.StorageCalls); // made by the other processes, which the bench does not count
        Assert.Equal(Storm3Phase.Processes, report.Storm3.PeakRss.Count);
        Assert.True(report.Neighbour!.SecondFirstSms > TimeSpan.Zero && report.Neighbour.SecondAllSms >= report.Neighbour.SecondFirstSms);
        Assert.Equal([10, 20], report.Growth.Select(g => g.Recipients));
        Assert.All(report.Growth, g => Assert.True(g.StorageCalls >= g.Recipients, $"{g.StorageCalls} storage calls for {g.Recipients} recipients"));
        Assert.Equal(20, report.Alone!.Recipients);
        Assert.True(report.Alone.Last > TimeSpan.Zero && report.Alone.PeakRss > 0);
        var markdown = ScaleRunner.ToMarkdown(report);
        Assert.Contains("growth: recipients", markdown, StringComparison.Ordinal);
        Assert.Contains("storm on 3 processes", markdown, StringComparison.Ordinal);
        Assert.Contains("on a host process of its own", markdown, StringComparison.Ordinal);
        Assert.Equal(markdown, printed.ToString());
    }

    [Fact]
    public async Task ScaleRun_OfChosenPhases_RunsOnlyThose()
    {
        var scale = new ScaleOptions(3, 4, 1, TimeSpan.FromSeconds(0.3), 30, 4, [10]) { Phases = ScalePhases.Parse("growth,storm") };

        var report = await ScaleRunner.RunAsync(Tiny, scale, progress: null, markdown: null, CancellationToken.None);

        Assert.Equal([ScalePhases.Storm, ScalePhases.Growth], report.Phases);
        Assert.NotNull(report.Storm);
        Assert.Null(report.Storm3);
        Assert.Null(report.Neighbour);
        Assert.Null(report.Alone);
        Assert.Single(report.Growth);
        Assert.Throws<ArgumentException>(() => ScalePhases.Parse("storm,storm4"));
    }

    [Fact]
    public void TheStormsIdeal_IsAPerfectSenderAtTheRate_ServingAlertsAsTheyCome()
    {
        // Two alerts of 10 SMS at 10/s: the first ends at 1 s; the second, pressed at 5 s, at 6 s.
        Assert.Equal(TimeSpan.FromSeconds(6), StormPhase.Ideal([TimeSpan.Zero, TimeSpan.FromSeconds(5)], 10, 10));
        // Pressed together, they queue: 2 s.
        Assert.Equal(TimeSpan.FromSeconds(2), StormPhase.Ideal([TimeSpan.Zero, TimeSpan.Zero], 10, 10));
    }
}
