using Azure.Data.Tables;

namespace RapidResponse.Operations;

/// <summary>The <c>PoisonMessages</c> table: partition the source queue, row key the message id.</summary>
public sealed class ParkedMessageStore(TableClient table)
{
    public async Task PutAsync(ParkedMessage message, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(message.Queue, message.Id)
            {
                ["Body"] = message.Body,
                ["ParkedAt"] = message.ParkedAt,
                ["OperatorAlerted"] = message.OperatorAlerted,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(string queue, CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {queue}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            parked.Add(new ParkedMessage(
                row.PartitionKey, row.RowKey, row.GetString("Body"), row.GetDateTimeOffset("ParkedAt") ?? default, row.GetBoolean("OperatorAlerted") ?? false));
        }

        return parked;
    }

    public async Task DeleteAsync(ParkedMessage message, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(message.Queue, message.Id, cancellationToken: cancellationToken);
}
