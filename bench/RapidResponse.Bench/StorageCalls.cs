using System.Diagnostics.Metrics;

namespace RapidResponse.Bench;

/// <summary>
/// Counts this process's HTTP requests to Azurite's table and queue ports, from .NET's own
/// <c>http.client.request.duration</c> metric: every storage call the host makes, queue listener polls included.
/// </summary>
public sealed class StorageCalls : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly HashSet<int> ports;
    private long count;

    public StorageCalls(BenchHost host)
    {
        ports = new[] { "TableEndpoint=", "QueueEndpoint=" }.Select(host.StoragePort)
            .Where(p => p.Length > 0).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port && ports.Contains(port))
                {
                    Interlocked.Increment(ref count);
                }
            }
        });
        listener.Start();
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
