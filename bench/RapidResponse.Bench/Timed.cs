using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>Runs timed operations: one at a time, or by a fixed number of workers sharing a count.</summary>
public static class Timed
{
    public static async Task<List<TimeSpan>> SequentialAsync(int count, Func<int, Task> operation)
    {
        var samples = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            samples.Add(Stopwatch.GetElapsedTime(start));
        }

        return samples;
    }

    public static async Task<List<TimeSpan>> ConcurrentAsync(int count, int workers, Func<int, Task> operation)
    {
        var samples = new TimeSpan[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                samples[i] = Stopwatch.GetElapsedTime(start);
            }
        })));
        return [.. samples];
    }
}
