using System.Diagnostics;
using System.Net;
using RapidResponse.LocalHost.Hosting;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Faults;

/// <summary>
/// A local host in a process of its own (<c>RapidResponse.LocalHost.dll</c>, built next to the tests) on a given
/// storage, sending to given stand-ins, so a test can kill it outright: no shutdown, leases still held, sends half
/// made, as when an instance crashes or is evicted.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process process;

    private HostProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public bool Exited => process.HasExited;

    public static async Task<HostProcess> StartAsync(string storage, string adminKey, Uri standIns, IReadOnlyDictionary<string, string>? more = null)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RapidResponse.LocalHost.dll"));
        var settings = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["AzureWebJobsStorage"] = storage,
            ["RapidResponse__AdminKey"] = adminKey,
            ["Twilio__BaseUrl"] = new Uri(standIns, StandInEndpoints.TwilioPath).AbsoluteUri,
            ["Twilio__AccountSid"] = "AC00000000000000000000000000local",
            ["Twilio__AuthToken"] = "local-stand-in",
            ["Twilio__FromNumber"] = "+15005550006",
            ["SendGrid__BaseUrl"] = new Uri(standIns, StandInEndpoints.SendGridPath).AbsoluteUri,
            ["SendGrid__ApiKey"] = "SG.local-stand-in",
            ["SendGrid__FromEmail"] = "alerts@rapidresponse.local",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await host.WaitUntilHealthyAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>SIGKILL: the process gets no chance to finish or release anything.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"The local host process exited with code {(process.HasExited ? process.ExitCode : 0)}.");
            try
            {
                using var response = await client.GetAsync("api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but still starting (several instances starting at once on a busy machine are slow).
            }

            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "The local host process did not become healthy within 60 s.");
            await Task.Delay(100);
        }
    }
}
