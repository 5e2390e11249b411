using RapidResponse.Bench;

// dotnet run -c Release --project bench/RapidResponse.Bench -- [--quick] [--rate 100] [--latency-ms 50] ...
// See docs/BENCHMARKS.md for what each number means.
// --scale: the storm, a second alert during a large fan-out, and growth to 10,000 recipients instead.
var scale = args.Contains("--scale");
var options = BenchOptions.Parse(args.Where(a => a != "--scale").ToList());
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

Console.WriteLine();
if (scale)
{
    Console.WriteLine(ScaleRunner.ToMarkdown(await ScaleRunner.RunAsync(options, ScaleOptions.Full, Console.Error.WriteLine, cancel.Token)));
}
else
{
    Console.WriteLine(ReportWriter.ToMarkdown(await BenchRunner.RunAsync(options, Console.Error.WriteLine, cancel.Token)));
}
