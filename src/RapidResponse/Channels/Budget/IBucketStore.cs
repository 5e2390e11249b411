namespace RapidResponse.Channels.Budget;

/// <summary>Where the senders' buckets live (the <c>SendBudget</c> table): one row per sender, changed over its ETag.</summary>
public interface IBucketStore
{
    /// <summary>The bucket and its version, or null when the sender has none yet.</summary>
    Task<(BucketState State, string Version)?> GetAsync(string sender, CancellationToken cancellationToken);

    /// <summary>False when another instance wrote it first (added, or changed since <paramref name="version"/>).</summary>
    Task<bool> TryWriteAsync(string sender, BucketState state, string? version, CancellationToken cancellationToken);
}
