using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Channels.Budget;

/// <summary>The buckets in Table Storage: partition = sender, row <c>bucket</c>, <c>Tokens</c> and <c>At</c>.</summary>
public sealed class TableBucketStore(TableClient table) : IBucketStore
{
    private const string Row = "bucket";

    public async Task<(BucketState State, string Version)?> GetAsync(string sender, CancellationToken cancellationToken)
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(sender, Row, ["Tokens", "At"], cancellationToken);
        return stored.HasValue && stored.Value!.GetDouble("Tokens") is { } tokens && stored.Value.GetDateTimeOffset("At") is { } at
            ? (new BucketState(tokens, at), stored.Value.ETag.ToString())
            : null;
    }

    public async Task<bool> TryWriteAsync(string sender, BucketState state, string? version, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(sender, Row) { ["Tokens"] = state.Tokens, ["At"] = state.At };
        try
        {
            await (version is null
                ? table.AddEntityAsync(entity, cancellationToken)
                : table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken));
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }
}
