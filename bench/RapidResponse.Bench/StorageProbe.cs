using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace RapidResponse.Bench;

/// <summary>One probe round trip: when it started and ended on the <see cref="Stopwatch"/> clock.</summary>
public sealed record ProbeSample(long Start, long End)
{
    public TimeSpan Duration => Stopwatch.GetElapsedTime(Start, End);
}

/// <summary>
/// The floor's round trip (table write + queue put), repeated every 100 ms while a phase runs, so a stall of
/// Azurite itself (its queue extent GC blocks it for seconds once thousands of messages have passed) is seen and
/// told apart from the service's own delays.
/// </summary>
public sealed class StorageProbe : IAsyncDisposable
{
    public static readonly TimeSpan StallThreshold = TimeSpan.FromMilliseconds(500);

    private readonly TableClient table;
    private readonly QueueClient queue;
    private readonly List<ProbeSample> samples = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task probing;

    public StorageProbe(BenchHost host)
    {
        table = host.Service<TableServiceClient>().GetTableClient("BenchFloor");
        queue = host.Service<QueueServiceClient>().GetQueueClient("bench-floor");
        probing = Task.Run(LoopAsync);
    }

    /// <summary>The probes that took longer than <see cref="StallThreshold"/>.</summary>
    public IReadOnlyList<ProbeSample> Stalls
    {
        get
        {
            lock (samples)
            {
                return samples.Where(s => s.Duration > StallThreshold).ToArray();
            }
        }
    }

    /// <summary>Every probe so far: the floor's round trip, timed under whatever load the phase puts on Azurite.</summary>
    public LatencyStats Latency()
    {
        lock (samples)
        {
            return LatencyStats.From(samples.Select(s => s.Duration));
        }
    }

    /// <summary>Whether a stall overlapped the interval between two timestamps.</summary>
    public bool StalledDuring(long start, long end) => Stalls.Any(s => s.Start < end && s.End > start);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await probing;
        stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var start = Stopwatch.GetTimestamp();
                var id = Guid.CreateVersion7().ToString("N");
                await table.AddEntityAsync(new TableEntity(id, "probe"), stop.Token);
                await queue.SendMessageAsync($$"""{"alertId":"{{id}}"}""", stop.Token);
                lock (samples)
                {
                    samples.Add(new ProbeSample(start, Stopwatch.GetTimestamp()));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
