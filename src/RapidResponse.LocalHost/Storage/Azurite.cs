using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RapidResponse.LocalHost.Hosting;

namespace RapidResponse.LocalHost.Storage;

/// <summary>
/// The Azurite storage emulator (npm package pinned in the repo's package.json) on free ports: tables and queues,
/// the two services the app uses, each in its own node process. Used by the local host when no storage is
/// configured, and by the tests.
/// </summary>
/// <remarks>
/// Tables are kept in memory. Queues are kept in a temporary folder (in shared memory where the system has it, as
/// Azurite syncs every message to disk), because Azurite's in-memory queue store makes
/// one extent per message and its once-a-minute garbage collection then removes them one by one from an indexed
/// collection: after a few thousand messages the queue service stops answering for seconds (12 s seen in the
/// benchmark). On disk, messages share append-only extent files and the collection stays small. Two processes also
/// give the two services a core each instead of one event loop between them.
/// </remarks>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(10);
    private static readonly string[] CommonArguments = ["--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry"];

    private readonly List<(Process Process, int Port)> processes = [];
    private readonly TaskCompletionSource<string> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string workspace;
    private bool disposing;

    private Azurite(string workspace, int queuePort, int tablePort)
    {
        this.workspace = workspace;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>Completes, with a one-line reason, if a storage process ends while the host still needs it.</summary>
    public Task<string> Exited => exited.Task;

    public static async Task<Azurite> StartAsync(CancellationToken cancellationToken = default)
    {
        var workspace = CreateWorkspace();
        var azurite = new Azurite(workspace, FreePorts.Next(), FreePorts.Next());
        try
        {
            azurite.Start("azurite-table", azurite.TablePort, ["--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort"]);
            azurite.Start("azurite-queue", azurite.QueuePort, ["--location", Path.Combine(workspace, "queues"), "--queueHost", "127.0.0.1", "--queuePort"]);
            await azurite.WaitForPortsAsync(cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        disposing = true;
        foreach (var (process, _) in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                // Killed is enough: nothing after this needs the process gone, and a wait without end would hold a
                // whole test run if its exit were never observed.
                using var patience = new CancellationTokenSource(ExitPatience);
                try
                {
                    await process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    // Still going after SIGKILL: the system reaps it.
                }
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temporary folder is the system's to clean.
        }
    }

    /// <summary>Starts one service; its arguments end with the port option, which gets <paramref name="port"/>.</summary>
    private void Start(string service, int port, string[] arguments)
    {
        var executable = FindExecutable(service);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in CommonArguments.Concat(arguments).Append(Port(port)))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Exited += (_, _) =>
        {
            if (!disposing)
            {
                exited.TrySetResult($"Azurite's {service} (port {port}) exited with code {process.ExitCode}; storage is gone, so the host stops.");
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {executable}.");
        }

        processes.Add((process, port));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static string CreateWorkspace()
    {
        const string SharedMemory = "/dev/shm";
        if (!Directory.Exists(SharedMemory))
        {
            return Directory.CreateTempSubdirectory("rapidresponse-azurite-").FullName;
        }

        var folder = Path.Combine(SharedMemory, "rapidresponse-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitForPortsAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var (process, port) in processes)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited at start-up with code {process.ExitCode}.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
    }

    /// <summary>node_modules/.bin/<paramref name="service"/> in the repository (found upwards from here), or on the PATH.</summary>
    private static string FindExecutable(string service)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", service);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, service)).FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "Azurite is not installed: run 'npm ci' in the repository root (scripts/run-local and scripts/test do it for you).");
    }
}
