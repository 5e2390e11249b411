using System.Diagnostics;
using System.Net;
using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// A local host in a process of its own on a given storage, sending to given stand-ins, logging warnings only: as
/// Azure Functions scales out, several of these on one storage are several instances of one app. It can be killed
/// outright (no shutdown, leases still held, sends half made), as when an instance crashes or is evicted. The tests'
/// multi-instance and host-kill worlds and the benchmark's storm on three processes start their instances with it.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process process;
    private readonly TextWriter? log;

    private HostProcess(Process process, Uri baseUrl, TextWriter? log)
    {
        this.process = process;
        this.log = log;
        BaseUrl = baseUrl;
        Id = process.Id;
    }

    public Uri BaseUrl { get; }

    /// <summary>The operating system's process id (for /proc figures such as its peak resident set).</summary>
    public int Id { get; }

    public bool Exited => process.HasExited;

    /// <summary>Starts the process and waits until it answers <c>api/health</c>; throws if it exits or is too slow.</summary>
    public static async Task<HostProcess> StartAsync(HostProcessOptions options, CancellationToken cancellationToken = default)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(options.Assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(options.Assembly);
        foreach (var (name, value) in Defaults(options, port).Concat(options.Settings))
        {
            start.Environment[name] = value;
        }

        TextWriter? log = null;
        if (options.LogFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.LogFile))!);
            log = TextWriter.Synchronized(new StreamWriter(options.LogFile, append: true) { AutoFlush = true });
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host process.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"), log);
        try
        {
            await host.WaitUntilHealthyAsync(options.StartTimeout, cancellationToken);
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
        process.WaitForExit(); // drains the redirected streams into the log before it closes
        process.Dispose();
        log?.Dispose();
    }

    private static Dictionary<string, string> Defaults(HostProcessOptions options, int port) => new()
    {
        ["urls"] = $"http://127.0.0.1:{port}",
        ["AzureWebJobsStorage"] = options.Storage,
        ["RapidResponse__AdminKey"] = options.AdminKey,
        ["Twilio__BaseUrl"] = new Uri(options.StandIns, StandInEndpoints.TwilioPath).AbsoluteUri,
        ["Twilio__AccountSid"] = "AC00000000000000000000000000local",
        ["Twilio__AuthToken"] = "local-stand-in",
        ["Twilio__FromNumber"] = "+15005550006",
        ["SendGrid__BaseUrl"] = new Uri(options.StandIns, StandInEndpoints.SendGridPath).AbsoluteUri,
        ["SendGrid__ApiKey"] = "SG.local-stand-in",
        ["SendGrid__FromEmail"] = "alerts@rapidresponse.local",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
    };

    private static void Write(TextWriter? log, string? line)
    {
        if (log is not null && line is not null)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host process exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync("api/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, but still starting.
            }

            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"The local host process did not become healthy within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
