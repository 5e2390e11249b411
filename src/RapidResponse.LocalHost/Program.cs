using RapidResponse.LocalHost;
using RapidResponse.LocalHost.Demo;

// Development host: see LocalHostApp. `--demo` seeds a demo region and organizer and prints how to press panic;
// every other argument (e.g. --urls) is host configuration.
if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(LocalHostUsage.Text);
    return 0;
}

const string DemoFlag = "--demo";
var demo = args.Contains(DemoFlag);
LocalHostApp host;
try
{
    host = await LocalHostApp.StartAsync(args.Where(a => a != DemoFlag).ToArray());
}
catch (AddressInUseException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

await using (host)
{
    Console.WriteLine();
    Console.WriteLine($"RapidResponse local host on {host.BaseUrl}");
    foreach (var note in host.Notes)
    {
        Console.WriteLine($"  {note}");
    }

    if (host.AdminKeyGenerated)
    {
        Console.WriteLine($"  Admin key (generated for this run): {host.AdminKey}");
    }

    if (demo)
    {
        var token = await host.SeedDemoAsync(CancellationToken.None);
        Console.WriteLine(DemoBanner.Render(host.BaseUrl, token, host.AdminKeyGenerated ? host.AdminKey : null));
    }

    var stopped = host.App.WaitForShutdownAsync();
    if (await Task.WhenAny(stopped, host.StorageLost) == stopped)
    {
        return 0;
    }

    Console.Error.WriteLine(await host.StorageLost);
    return 3;
}
