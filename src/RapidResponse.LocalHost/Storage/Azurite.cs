using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RapidResponse.LocalHost.Storage;

/// <summary>
/// The Azurite storage emulator (npm package pinned in the repo's package.json), started in memory on free ports.
/// Used by the local host when no storage is configured, and by the tests.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var workspace = Directory.CreateTempSubdirectory("rapidresponse-azurite-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", Port(ports[0]),
                     "--queueHost", "127.0.0.1", "--queuePort", Port(ports[1]),
                     "--tableHost", "127.0.0.1", "--tablePort", Port(ports[2]),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, ports[0], ports[1], ports[2]);
        try
        {
            await WaitForPortsAsync(process, ports, cancellationToken);
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
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitForPortsAsync(Process process, int[] ports, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>node_modules/.bin/azurite in the repository (found upwards from here), or on the PATH.</summary>
    private static string FindExecutable()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "azurite")).FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "Azurite is not installed: run 'npm ci' in the repository root (scripts/run-local and scripts/test do it for you).");
    }
}
