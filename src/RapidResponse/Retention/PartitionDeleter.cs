using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Retention;

/// <summary>Deletes rows of one partition in entity-group transactions of at most 100, the Table service's limit.</summary>
public static class PartitionDeleter
{
    public const int BatchSize = 100;

    public static async Task<int> DeleteAsync(TableClient table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(BatchSize))
        {
            var actions = chunk.Select(rowKey => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                // A row went meanwhile (a concurrent purge): one at a time, where a missing row is no error.
                foreach (var rowKey in chunk)
                {
                    await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
                }
            }
        }

        return rowKeys.Count;
    }
}
