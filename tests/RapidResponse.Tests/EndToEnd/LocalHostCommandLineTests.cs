using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>The local host as a newcomer meets it on the command line: help, a busy port, stopping, storage dying.</summary>
public sealed class LocalHostCommandLineTests
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Help_PrintsTheOptionsAndExits()
    {
        using var host = LocalHostProcess.Start("--help");

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("--urls", host.Output, StringComparison.Ordinal);
        Assert.Contains("--demo", host.Output, StringComparison.Ordinal);
        Assert.Contains("RapidResponse__AdminKey", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUse_SaysSoInOneLine_AndExitsNonZero()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        using var host = LocalHostProcess.Start("--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(2, await host.WaitForExitAsync(StartPatience));
        var errorLines = host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output + host.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_StopsTheHostAndItsAzurite()
    {
        using var host = LocalHostProcess.Start("--urls", $"http://127.0.0.1:{FreePorts.Next()}");
        await host.WaitForOutputAsync("RapidResponse local host on", StartPatience);
        var children = host.ChildProcessIds();
        Assert.NotEmpty(children); // the embedded Azurite's table and queue services

        var stopping = Stopwatch.StartNew();
        host.Signal("TERM");

        Assert.Equal(0, await host.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed}");
        Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"Azurite process {pid} outlived the host"));
    }

    [Fact]
    public async Task AnAdminKeyGivenInTheEnvironment_IsNeverPrinted()
    {
        var given = "given-admin-key-" + Guid.NewGuid().ToString("N");
        using var host = LocalHostProcess.Start(
            new Dictionary<string, string> { ["RapidResponse__AdminKey"] = given }, "--demo", "--urls", $"http://127.0.0.1:{FreePorts.Next()}");

        await host.WaitForOutputAsync("Press panic", StartPatience);

        Assert.DoesNotContain(given, host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin key", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemo_PrintsItsGeneratedAdminKeyOnce_AndASignInLinkForThePanicPage()
    {
        using var host = LocalHostProcess.Start("--demo", "--urls", $"http://127.0.0.1:{FreePorts.Next()}");

        await host.WaitForOutputAsync("Press panic", StartPatience);

        Assert.Single(host.Output.Split('\n'), line => line.Contains("Admin key (generated for this run): ", StringComparison.Ordinal));
        Assert.Matches(@"/api/app#token=[0-9a-f]{32}\.", host.Output);
    }

    [Fact]
    public async Task AzuriteDying_StopsTheHostWithOneLine()
    {
        using var host = LocalHostProcess.Start("--urls", $"http://127.0.0.1:{FreePorts.Next()}");
        await host.WaitForOutputAsync("RapidResponse local host on", StartPatience);
        var azurite = host.ChildProcessIds().First();

        using (var child = Process.GetProcessById(azurite))
        {
            child.Kill(entireProcessTree: true);
        }

        Assert.Equal(3, await host.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Azurite", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Errors, StringComparison.Ordinal);
    }
}
