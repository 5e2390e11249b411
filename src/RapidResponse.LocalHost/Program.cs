using RapidResponse.LocalHost;
using RapidResponse.LocalHost.Demo;

// Development host: see LocalHostApp. `--demo` seeds a demo region and organizer and prints how to press panic;
// every other argument (e.g. --urls) is host configuration.
const string DemoFlag = "--demo";
var demo = args.Contains(DemoFlag);
await using var host = await LocalHostApp.StartAsync(args.Where(a => a != DemoFlag).ToArray());
Console.WriteLine();
Console.WriteLine($"RapidResponse local host on {host.BaseUrl}");
foreach (var note in host.Notes)
{
    Console.WriteLine($"  {note}");
}

if (demo)
{
    var token = await host.SeedDemoAsync(CancellationToken.None);
    Console.WriteLine(DemoBanner.Render(host.BaseUrl, token));
}

await host.App.WaitForShutdownAsync();
