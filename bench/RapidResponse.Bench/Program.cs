using RapidResponse.Bench;

// dotnet run -c Release --project bench/RapidResponse.Bench -- [--quick] [--rate 100] [--latency-ms 50] ...
// See docs/BENCHMARKS.md for what each number means.
var options = BenchOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await BenchRunner.RunAsync(options, Console.Error.WriteLine, cancel.Token);
Console.WriteLine();
Console.WriteLine(ReportWriter.ToMarkdown(report));
