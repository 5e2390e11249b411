using RapidResponse.Bench;

namespace RapidResponse.Tests.Bench;

/// <summary>
/// The benchmark's whole run at toy sizes, so it does not rot: every phase runs and reports sane numbers. No timing
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
}
