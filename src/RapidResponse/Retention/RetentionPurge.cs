using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Telemetry;

namespace RapidResponse.Retention;

/// <summary>What one purge removed.</summary>
public sealed record PurgeResult(DateTimeOffset Cutoff, int Alerts, long AlertRows, long IdempotencyRows)
{
    /// <summary>Webhook receipts (replay protection) past the cutoff.</summary>
    public long ReceiptRows { get; init; }

    /// <summary>Recipients' page links whose alert's retention has ended.</summary>
    public long LinkRows { get; init; }

    /// <summary>Audit log rows (whole days) past <see cref="RetentionOptions.AuditRetentionDays"/>.</summary>
    public long AuditRows { get; init; }
}

/// <summary>
/// Deletes alerts (their whole partition: the alert, its deliveries, its timeline), idempotency records and webhook
/// receipts older than <see cref="RetentionOptions.RetentionDays"/>, and recipients' page links past their expiry
/// (the end of their alert's retention), so the service keeps no growing record of who was in danger where.
/// Alert ids are UUID v7, whose first 12 hex digits are the creation time in milliseconds: partitions older than the
/// cutoff sort before the cutoff's own id prefix, so old alerts are found by a key-range query over alert rows only.
/// </summary>
public sealed partial class RetentionPurge(
    TableClient alerts,
    TableClient idempotency,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionPurge> logger,
    TableClient? receipts = null,
    TableClient? links = null,
    TableClient? audit = null)
{
    private const int Parallelism = 4;
    private const string AlertRow = AlertEntity.Row;
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    public async Task<PurgeResult> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var (alertCount, alertRows) = await PurgeAlertsAsync(cutoff, cancellationToken);
        var idempotencyRows = await PurgeByAgeAsync(idempotency, "CreatedAt", cutoff, cancellationToken);
        var receiptRows = receipts is null ? 0 : await PurgeByAgeAsync(receipts, "At", cutoff, cancellationToken);
        var linkRows = links is null ? 0 : await PurgeByAgeAsync(links, "ExpiresAt", time.GetUtcNow(), cancellationToken);
        var auditRows = audit is null ? 0 : await PurgeAsync(
            audit, Audit.AuditLog.PurgeFilter(time.GetUtcNow() - TimeSpan.FromDays(options.Value.AuditRetentionDays)), cancellationToken);

        RapidResponseTelemetry.Purged(alerts.Name, alertRows);
        RapidResponseTelemetry.Purged(idempotency.Name, idempotencyRows);
        LogPurged(cutoff, alertCount, alertRows, idempotencyRows);
        return new PurgeResult(cutoff, alertCount, alertRows, idempotencyRows) { ReceiptRows = receiptRows, LinkRows = linkRows, AuditRows = auditRows };
    }

    /// <summary>The id prefix of the cutoff's millisecond: every older UUID v7 id sorts before it.</summary>
    public static string IdPrefix(DateTimeOffset cutoff) => Guid.CreateVersion7(cutoff).ToString("N")[..12];

    private async Task<(int Alerts, long Rows)> PurgeAlertsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // CreatedAt guards against an id that is not a UUID v7 but happens to sort low.
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {IdPrefix(cutoff)} and RowKey eq {AlertRow} and CreatedAt lt {cutoff}");
        var old = alerts.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken);
        var count = 0;
        long rows = 0;
        await Parallel.ForEachAsync(old, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (alert, ct) =>
            {
                var deleted = await PurgeAlertPartitionAsync(alert.PartitionKey, ct);
                Interlocked.Increment(ref count);
                Interlocked.Add(ref rows, deleted);
            });
        return (count, rows);
    }

    private async Task<int> PurgeAlertPartitionAsync(string alertId, CancellationToken cancellationToken)
    {
        var rowKeys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {alertId}");
        await foreach (var row in alerts.QueryAsync<TableEntity>(filter, select: KeysOnly, cancellationToken: cancellationToken))
        {
            rowKeys.Add(row.RowKey);
        }

        // The alert row goes last: while it exists, an interrupted purge finds the partition again next time.
        rowKeys.Sort((a, b) => (a == AlertRow).CompareTo(b == AlertRow));
        return await PartitionDeleter.DeleteAsync(alerts, alertId, rowKeys, cancellationToken);
    }

    /// <summary>
    /// Rows of a table stamped before the cutoff. A table scan: idempotency rows are per organizer, receipts per
    /// message and links per delivery, and all hold small rows that a daily scan reads quickly.
    /// </summary>
    private static async Task<long> PurgeByAgeAsync(TableClient table, string stamp, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // The property name is ours, not input; only the value goes through the filter's escaping.
        return await PurgeAsync(table, $"{stamp} lt {TableClient.CreateQueryFilter($"{cutoff}")}", cancellationToken);
    }

    private static async Task<long> PurgeAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var byPartition = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: KeysOnly, cancellationToken: cancellationToken))
        {
            if (!byPartition.TryGetValue(row.PartitionKey, out var keys))
            {
                byPartition[row.PartitionKey] = keys = [];
            }

            keys.Add(row.RowKey);
        }

        long rows = 0;
        foreach (var (partition, keys) in byPartition)
        {
            rows += await PartitionDeleter.DeleteAsync(table, partition, keys, cancellationToken);
        }

        return rows;
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Retention purge before {Cutoff:o}: {Alerts} alerts ({AlertRows} rows) and {IdempotencyRows} idempotency rows deleted")]
    private partial void LogPurged(DateTimeOffset cutoff, int alerts, long alertRows, long idempotencyRows);
}
