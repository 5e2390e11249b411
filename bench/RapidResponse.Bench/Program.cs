using RapidResponse.Bench;
using RapidResponse.Bench.Glitches;

// dotnet run -c Release --project bench/RapidResponse.Bench -- [--quick] [--rate 100] [--latency-ms 50] ...
// dotnet run -c Release --project bench/RapidResponse.Bench -- --glitches   (glitch length → extra delay, fake clock)
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

var options = BenchOptions.Parse(args);
var report = await BenchRunner.RunAsync(options, Console.Error.WriteLine, cancel.Token);
Console.WriteLine();
Console.WriteLine(ReportWriter.ToMarkdown(report));
