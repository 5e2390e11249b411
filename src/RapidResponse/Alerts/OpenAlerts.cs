using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Alerts;

/// <summary>An alert the coordinators' live board shows, as the <c>OpenAlerts</c> index holds it.</summary>
public sealed record OpenAlert(string AlertId, string Region, DateTimeOffset CreatedAt);

/// <summary>
/// The <c>OpenAlerts</c> table: one small row per open alert (partition <c>open</c>, row the alert id), added by the
/// fan-out and removed by the resolve. The live board polls this one partition, then reads each open alert's own
/// partition: its cost follows the alerts open now, never the size of the <c>Alerts</c> table. A row left behind (a
/// crash between the resolve and the removal, a purged alert) is removed by the board when it reads the alert.
/// </summary>
public sealed class OpenAlerts(TableClient table)
{
    private const string Partition = "open";

    public async Task OpenedAsync(Alert alert, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(Partition, alert.Id) { ["Region"] = alert.Region, ["CreatedAt"] = alert.CreatedAt },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task ClosedAsync(string alertId, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, alertId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
        }
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<OpenAlert>> ListAsync(CancellationToken cancellationToken)
    {
        var open = new List<OpenAlert>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            open.Add(new OpenAlert(row.RowKey, row.GetString("Region") ?? "", row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue));
        }

        return open.OrderByDescending(o => o.CreatedAt).ToList();
    }
}
