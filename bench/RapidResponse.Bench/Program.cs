using RapidResponse.Bench;
using RapidResponse.Bench.Glitches;

// dotnet run -c Release --project bench/RapidResponse.Bench -- [--quick] [--rate 100] [--latency-ms 50] ...
// dotnet run -c Release --project bench/RapidResponse.Bench -- --glitches   (glitch length → extra delay, fake clock)
// --scale: the storm, a second alert during a large fan-out, and growth to 10,000 recipients instead.
// See docs/BENCHMARKS.md for what each number means.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (args.Contains("--glitches"))
{
    var runs = await GlitchBench.RunAsync(Console.Error.WriteLine, cancel.Token);
    Console.WriteLine($"Machine: {MachineInfo.Current()}");
    Console.WriteLine();
    Console.WriteLine(GlitchBench.ToMarkdown(runs));
    return;
}

var scale = args.Contains("--scale");
var options = BenchOptions.Parse(args.Where(a => a != "--scale").ToList());
Console.WriteLine();
if (scale)
{
    Console.WriteLine(ScaleRunner.ToMarkdown(await ScaleRunner.RunAsync(options, ScaleOptions.Full, Console.Error.WriteLine, cancel.Token)));
}
else
{
    Console.WriteLine(ReportWriter.ToMarkdown(await BenchRunner.RunAsync(options, Console.Error.WriteLine, cancel.Token)));
}
