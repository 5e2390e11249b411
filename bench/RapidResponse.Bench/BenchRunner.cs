using System.Diagnostics;

namespace RapidResponse.Bench;

/// <summary>One benchmark run: the host started in this process, the floor, then each measurement on a quiet host.</summary>
public static class BenchRunner
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, Action<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var load = MachineInfo.LoadAverageNow();
        void Say(string message) => progress?.Invoke($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {message}");

        Say("starting the local host with Azurite");
        await using var host = await BenchHost.StartAsync(options, cancellationToken);
        Say("floor: table write + queue put, stand-in POST");
        var floor = await FloorPhase.RunAsync(host, options, cancellationToken);
        Say($"press -> 202: {options.Presses} presses at {options.Concurrency} concurrent");
        var press = await PressPhase.RunAsync(host, options, cancellationToken);
        Say($"press -> first SMS: {options.Alerts} alerts");
        var firstSms = await FirstSmsPhase.RunAsync(host, options, cancellationToken);
        Say($"fan-out: {options.Recipients} recipients at {options.MessagesPerSecond} msg/s");
        var fanOut = await FanOutPhase.RunAsync(host, options, cancellationToken);
        Say("done");
        return new BenchReport(options, MachineInfo.Current(), floor, press, firstSms, fanOut, clock.Elapsed, load);
    }
}
