using RapidResponse.Channels.Budget;

namespace RapidResponse.Tests.Support;

/// <summary>
/// The <c>SendBudget</c> table's semantics in memory: one row per sender, written only over the version read (as an
/// ETag), so concurrent instances race as they do on storage. <see cref="Hang"/> makes every call wait until cancelled.
/// </summary>
public sealed class MemoryBucketStore : IBucketStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (BucketState State, int Version)> rows = new(StringComparer.Ordinal);

    public bool Hang { get; set; }

    /// <summary>Each call takes this long on <see cref="Clock"/>, as a slow storage account's would.</summary>
    public TimeSpan Latency { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public int Calls => calls;

    public int Conflicts => conflicts;

    /// <summary>The senders whose buckets have been written.</summary>
    public IReadOnlyList<string> Senders
    {
        get
        {
            lock (gate)
            {
                return [.. rows.Keys];
            }
        }
    }

    private int calls;
    private int conflicts;

    public async Task<(BucketState State, string Version)?> GetAsync(string sender, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        lock (gate)
        {
            return rows.TryGetValue(sender, out var row) ? (row.State, row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        }
    }

    public async Task<bool> TryWriteAsync(string sender, BucketState state, string? version, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        lock (gate)
        {
            var exists = rows.TryGetValue(sender, out var row);
            if (version is null ? exists : !exists || row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != version)
            {
                conflicts++;
                return false;
            }

            rows[sender] = (state, row.Version + 1);
            return true;
        }
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, Clock, cancellationToken);
        }

        // Another instance may run between our read and our write, as over the network.
        await Task.Yield();
    }
}
