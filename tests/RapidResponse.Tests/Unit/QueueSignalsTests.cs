using RapidResponse.LocalHost.Hosting;

namespace RapidResponse.Tests.Unit;

public sealed class QueueSignalsTests
{
    [Fact]
    public async Task Notify_FromManyThreadsAtOnce_NeverThrows_AndWakesOneWaiter()
    {
        var signals = new QueueSignals();

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, (_, _) =>
        {
            signals.Notify("deliveries");
            return ValueTask.CompletedTask;
        });

        Assert.True(await signals.WaitAsync("deliveries", TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signals.WaitAsync("deliveries", TimeSpan.Zero, CancellationToken.None));
    }
}
