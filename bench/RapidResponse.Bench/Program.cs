using RapidResponse.Bench;
using RapidResponse.Bench.Glitches;

// dotnet run -c Release --project bench/RapidResponse.Bench -- [--quick] [--rate 100] [--latency-ms 50] ...
// dotnet run -c Release --project bench/RapidResponse.Bench -- --glitches   (glitch length → extra delay, fake clock)
// --scale: the storm on one and on three host processes, a second alert during a large fan-out, and growth to 10,000
// recipients instead; --phases storm,storm3,neighbour,growth runs only those (and implies --scale). Each phase's
// Markdown is printed as soon as it ends.
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

var rest = args.Where(a => a != "--scale").ToList();
var at = rest.IndexOf("--phases");
var phases = at >= 0 && at + 1 < rest.Count ? ScalePhases.Parse(rest[at + 1]) : null;
if (phases is not null)
{
    rest.RemoveRange(at, 2);
}

var options = BenchOptions.Parse(rest);
Console.WriteLine();
if (args.Contains("--scale") || phases is not null)
{
    await ScaleRunner.RunAsync(options, ScaleOptions.Full with { Phases = phases ?? ScalePhases.All }, Console.Error.WriteLine, Console.Write, cancel.Token);
}
else
{
    Console.WriteLine(ReportWriter.ToMarkdown(await BenchRunner.RunAsync(options, Console.Error.WriteLine, cancel.Token)));
}
