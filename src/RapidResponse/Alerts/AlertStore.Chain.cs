using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Alerts;

/// <summary>Where an alert's record stood at one moment: its last entry's number and hash.</summary>
public sealed record RecordHead(long Seq, string Hash);

/// <summary>The alert's timeline as a hash chain, and its export (<c>GET /api/alerts/{id}/record</c>).</summary>
public sealed record ChainedTimeline(Alert Alert, IReadOnlyList<RecordEntry> Entries, long HeadSeq, string HeadHash);

public sealed partial class AlertStore
{
    // Writers of one alert race (fan-out, receipts, acknowledgements, escalation); each retry costs one read and one write.
    private const int MaxChainAttempts = 100;

    /// <summary>
    /// Appends an entry to the alert's hash chain: the new row and the chain head (guarded by its ETag) are written in
    /// one entity-group transaction, so two writers can never both become entry n; the loser re-reads and retries.
    /// </summary>
    public Task AppendTimelineAsync(string alertId, TimelineEntry entry, CancellationToken cancellationToken) =>
        AppendTimelineAsync(alertId, [entry], cancellationToken);

    /// <summary>Appends entries as consecutive links of the chain, in one transaction (one round trip, as for one entry).</summary>
    public async Task AppendTimelineAsync(string alertId, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await table.GetEntityIfExistsAsync<ChainHeadEntity>(alertId, ChainHeadEntity.Row, cancellationToken: cancellationToken);

            // An alert written before the chain existed starts its chain here.
            var (seq, previous) = head.HasValue ? (head.Value!.Seq + 1, head.Value.Hash) : (1L, RecordChain.Genesis);
            var rows = new List<TimelineEntity>(entries.Count);
            foreach (var entry in entries)
            {
                var row = TimelineEntity.From(alertId, entry, seq++, previous);
                rows.Add(row);
                previous = row.Hash!;
            }

            var next = ChainHeads.For(rows[^1]);
            var actions = new List<TableTransactionAction>
            {
                head.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, next, head.Value!.ETag)
                    : new(TableTransactionActionType.Add, next),
            };
            actions.AddRange(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row.Sealed(cipher))));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxChainAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>The chain's last entry number and hash as stored now; null before the first entry.</summary>
    public async Task<RecordHead?> GetChainHeadAsync(string alertId, CancellationToken cancellationToken)
    {
        var head = await table.GetEntityIfExistsAsync<ChainHeadEntity>(alertId, ChainHeadEntity.Row, cancellationToken: cancellationToken);
        return head.HasValue ? new RecordHead(head.Value!.Seq, head.Value.Hash) : null;
    }

    /// <summary>The alert and its chained entries in chain order, with the head as stored.</summary>
    public async Task<ChainedTimeline?> ReadChainAsync(string alertId, CancellationToken cancellationToken)
    {
        if (await GetAsync(alertId, cancellationToken) is not { } alert)
        {
            return null;
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {alertId} and RowKey ge {TimelineEntity.Prefix} and RowKey lt {"t}"}");
        var entries = new List<RecordEntry>();
        await foreach (var row in table.QueryAsync<TimelineEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.Opened(cipher).ToRecordEntry() is { } entry)
            {
                entries.Add(entry);
            }
        }

        var head = await table.GetEntityIfExistsAsync<ChainHeadEntity>(alertId, ChainHeadEntity.Row, cancellationToken: cancellationToken);
        return new ChainedTimeline(
            alert,
            entries.OrderBy(e => e.Seq).ToList(),
            head.HasValue ? head.Value!.Seq : 0,
            head.HasValue ? head.Value!.Hash : RecordChain.Genesis);
    }
}
