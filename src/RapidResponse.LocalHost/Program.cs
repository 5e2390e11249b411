using RapidResponse.LocalHost;
using RapidResponse.LocalHost.Demo;

// Development host: see LocalHostApp. `--demo` seeds a demo region and organizer and prints how to press panic.
await using var host = await LocalHostApp.StartAsync(args);
Console.WriteLine();
Console.WriteLine($"RapidResponse local host on {host.BaseUrl}");
foreach (var note in host.Notes)
{
    Console.WriteLine($"  {note}");
}

Console.WriteLine($"  Admin key: {host.AdminKey}");
if (args.Contains("--demo"))
{
    var token = await host.SeedDemoAsync(CancellationToken.None);
    Console.WriteLine(DemoBanner.Render(host.BaseUrl, token));
}

await host.App.WaitForShutdownAsync();
