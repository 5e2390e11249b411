using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Functions.Maintenance;
using RapidResponse.LocalHost.Hosting;

namespace RapidResponse.Tests.Unit;

/// <summary>The local host runs <c>[TimerTrigger]</c> functions on their schedule; time is fake.</summary>
public sealed class TimerPumpTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 59, 50, TimeSpan.Zero);

    [Fact]
    public void Metadata_HasThePurge_WithItsNcrontabSchedule()
    {
        var purge = Assert.Single(WorkerFunctions.Load(Path.Combine(AppContext.BaseDirectory, "functions.metadata")), f => f.Name == "Purge");
        Assert.Equal("0 0 3 * * *", TimerFunction.From(purge).Schedule);
        Assert.Equal(typeof(PurgeFunction).GetMethod(nameof(PurgeFunction.RunAsync)), purge.Method);
    }

    [Theory]
    [InlineData("0 0 3 * * *", "2026-11-24T02:59:50Z", "2026-11-24T03:00:00Z")]
    [InlineData("0 0 3 * * *", "2026-11-24T03:00:00Z", "2026-11-25T03:00:00Z")]
    [InlineData("0 */5 * * * *", "2026-11-24T10:01:00Z", "2026-11-24T10:05:00Z")]
    [InlineData("30 15 2 * * 1", "2026-11-24T00:00:00Z", "2026-11-30T02:15:30Z")]
    [InlineData("00:10:00", "2026-11-24T10:01:00Z", "2026-11-24T10:11:00Z")]
    public void Schedule_GivesTheNextOccurrenceInUtc(string expression, string after, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TimerSchedule.Parse(expression).Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Pump_FiresAtEachOccurrence_AndNotBetween()
    {
        var time = new FakeTimeProvider(Start);
        var probe = new Probe(time);
        await using var services = new ServiceCollection().AddSingleton(probe).BuildServiceProvider();
        var function = new TimerFunction("Probe", typeof(ProbeFunction).GetMethod(nameof(ProbeFunction.RunAsync))!, "0 0 3 * * *");
        using var pump = new TimerPump(function, services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<TimerPump>.Instance);
        await pump.StartAsync(CancellationToken.None);

        await StepUntilAsync(time, probe, 1);
        var first = Assert.Single(probe.Runs);
        Assert.InRange(first.At, Start.AddSeconds(10), Start.AddSeconds(10).AddMinutes(1));
        Assert.False(first.Timer.IsPastDue);

        time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        await Task.Delay(100);
        Assert.Single(probe.Runs);

        await StepUntilAsync(time, probe, 2);
        Assert.InRange(probe.Runs.Last().At, Start.AddDays(1).AddSeconds(10), Start.AddDays(1).AddSeconds(10).AddMinutes(1));
        await pump.StopAsync(CancellationToken.None);
    }

    /// <summary>Moves the fake clock a second at a time (letting the pump run between steps) until the probe ran.</summary>
    private static async Task StepUntilAsync(FakeTimeProvider time, Probe probe, int runs)
    {
        for (var step = 0; step < 600 && probe.Runs.Count < runs; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Equal(runs, probe.Runs.Count);
    }

    public sealed class Probe(TimeProvider time)
    {
        public ConcurrentQueue<(DateTimeOffset At, TimerInfo Timer)> Runs { get; } = new();

        public void Record(TimerInfo timer) => Runs.Enqueue((time.GetUtcNow(), timer));
    }

    public sealed class ProbeFunction(Probe probe)
    {
        public Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
        {
            probe.Record(timer);
            return Task.CompletedTask;
        }
    }
}
