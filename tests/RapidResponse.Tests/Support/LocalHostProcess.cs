using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RapidResponse.Tests.Support;

/// <summary>
/// The local host's own executable (built next to the tests) run as a newcomer runs it, with nothing configured:
/// what it prints on each stream, its children, and signals sent to it.
/// </summary>
public sealed class LocalHostProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private LocalHostProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public static LocalHostProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    public static LocalHostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RapidResponse.LocalHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "AzureWebJobsStorage", "RapidResponse__AdminKey", "Twilio__BaseUrl", "SendGrid__BaseUrl" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new LocalHostProcess(new Process { StartInfo = start });
        host.process.OutputDataReceived += (_, e) => Append(host.output, e.Data);
        host.process.ErrorDataReceived += (_, e) => Append(host.errors, e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The local host did not exit within {patience}. It printed:\n{Output}\n{Errors}");
        }

        process.WaitForExit(); // drains the redirected streams
        return process.ExitCode;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(process.HasExited, $"The local host exited with code {(process.HasExited ? process.ExitCode : 0)}:\n{Output}\n{Errors}");
            Assert.True(waited.Elapsed < patience, $"The local host did not print '{text}' within {patience}:\n{Output}\n{Errors}");
            await Task.Delay(100);
        }
    }

    /// <summary>The ids of the processes this host started (read from /proc, as Linux keeps them).</summary>
    public IReadOnlyList<int> ChildProcessIds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == process.Id)
            .ToList();

    /// <summary>Sends a POSIX signal (e.g. TERM, INT), as a terminal or a service manager does.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (name) state ppid ..."; the name may hold spaces, so read after its ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // gone meanwhile
        }
    }
}
