using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Dispatch;

/// <summary>An alert with work that may still be outstanding, as the <c>PendingWork</c> index holds it.</summary>
/// <remarks><see cref="ReissuedAt"/>: when the watchdog last put its work back on a queue.</remarks>
public sealed record PendingAlert(string AlertId, DateTimeOffset AcceptedAt, bool FanOutDue, DateTimeOffset? ReissuedAt, ETag Version);

/// <summary>
/// The <c>PendingWork</c> table: one small row per alert that may have work outstanding (partition <c>alert</c>, row
/// the alert id). The intake adds it with the alert, the fan-out marks it fanned out, every later plan touches it,
/// and only the watchdog (<see cref="DispatchWatchdog"/>) removes it, once everything planned has been handed over.
/// So the watchdog reads one partition holding the live alerts only, never the whole <c>Alerts</c> table, and the
/// send path writes nothing more per send.
/// </summary>
public sealed class PendingWork(TableClient table, TimeProvider time)
{
    private const string Partition = "alert";

    /// <summary>At the press, alongside the alert row and its message: its fan-out is due.</summary>
    public async Task AcceptedAsync(string alertId, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(Partition, alertId) { ["AcceptedAt"] = time.GetUtcNow(), ["FanOutDue"] = true },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>After the fan-out has added its Delivery rows: from now on the rows themselves say what is left.</summary>
    public async Task FannedOutAsync(string alertId, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(Partition, alertId) { ["FanOutDue"] = false, ["PlannedAt"] = time.GetUtcNow() },
            TableUpdateMode.Merge,
            cancellationToken);

    /// <summary>
    /// After later Delivery rows were added (a follow-up, a reminder, a fallback). Written after the rows, so a sweep
    /// that read the index before this write and the rows before theirs cannot clear it (its ETag has changed).
    /// </summary>
    public async Task PlannedAsync(string alertId, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(Partition, alertId) { ["PlannedAt"] = time.GetUtcNow() },
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task<IReadOnlyList<PendingAlert>> ListAsync(CancellationToken cancellationToken)
    {
        var pending = new List<PendingAlert>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            pending.Add(new PendingAlert(
                row.RowKey,
                row.GetDateTimeOffset("AcceptedAt") ?? row.GetDateTimeOffset("PlannedAt") ?? DateTimeOffset.MinValue,
                row.GetBoolean("FanOutDue") ?? false,
                row.GetDateTimeOffset("ReissuedAt"),
                row.ETag));
        }

        return pending;
    }

    /// <summary>The watchdog re-issued some of the alert's work just now.</summary>
    public async Task ReissuedAsync(string alertId, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new TableEntity(Partition, alertId) { ["ReissuedAt"] = time.GetUtcNow() },
            TableUpdateMode.Merge,
            cancellationToken);

    /// <summary>Removes the row as it was read; false when it was touched since (new work) or is gone already.</summary>
    public async Task<bool> TryClearAsync(PendingAlert pending, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, pending.AlertId, pending.Version, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }
}
