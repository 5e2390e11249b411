using System.Collections.Concurrent;
using System.Diagnostics;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>What the local host prints at start: a secret it was given never; one it generated, once.</summary>
public sealed class LocalHostConsoleTests
{
    private const string StartedLine = "RapidResponse local host on";

    [Fact]
    public async Task AnAdminKeyFromTheEnvironment_IsNeverPrinted()
    {
        var given = "given-admin-key-" + Guid.NewGuid().ToString("N");

        var output = await StartOutputAsync(new() { ["RapidResponse__AdminKey"] = given });

        Assert.Contains(output, line => line.Contains(StartedLine, StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains(given, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGeneratedAdminKey_IsPrintedOnce()
    {
        var output = await StartOutputAsync([]);

        var keyLines = output.Where(line => line.Contains("Admin key", StringComparison.Ordinal)).ToList();
        var key = Assert.Single(keyLines).Split(':', 2)[1].Trim();
        Assert.True(key.Length >= 24, $"'{key}' is not a generated admin key.");
    }

    /// <summary>Runs the local host's own program until it has printed its start notes, then stops it.</summary>
    private static async Task<List<string>> StartOutputAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RapidResponse.LocalHost.dll"));
        start.Environment["urls"] = $"http://127.0.0.1:{FreePorts.Next()}";
        start.Environment["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var lines = new ConcurrentQueue<string>();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The notes follow the start line: wait for it, then for the output to go quiet.
            var waited = Stopwatch.StartNew();
            while (!lines.Any(l => l.Contains(StartedLine, StringComparison.Ordinal)) && !process.HasExited)
            {
                Assert.True(waited.Elapsed < Patience.Delivery, "The local host did not start in time.");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            var count = -1;
            while (count != lines.Count)
            {
                count = lines.Count;
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        return [.. lines];
    }
}
