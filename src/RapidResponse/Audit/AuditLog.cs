using System.Globalization;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Audit;

/// <summary>
/// The append-only audit log of <c>/api/manage</c>: every change, and every read of a contact list or an alert by a
/// coordinator account. Each actor's entries of one UTC day form one hash chain (<see cref="RecordChain"/>, as an
/// alert's record): an append reads the chain head and writes the entry and the new head (guarded by its ETag) in one
/// transaction, so concurrent requests of one coordinator never fork it, and different coordinators never contend.
/// </summary>
public sealed class AuditLog(TableClient table, TimeProvider time)
{
    private const int MaxAttempts = 50;
    private const int TransactionLimit = 100;

    /// <summary>Appends one change (or read) by the caller.</summary>
    public Task AppendAsync(
        CoordinatorCaller caller, string action, string entity, string? region, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        AppendAsync(caller, [new AuditChange(action, entity, region, fields)], cancellationToken);

    /// <summary>Appends changes as consecutive entries of the caller's chain, up to 99 per transaction (a CSV import's rows).</summary>
    public async Task AppendAsync(CoordinatorCaller caller, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var chain = ChainOf(at, caller.Actor);
        foreach (var chunk in changes.Chunk(TransactionLimit - 1))
        {
            await AppendChunkAsync(caller.Actor, chain, at, chunk, cancellationToken);
        }
    }

    private async Task AppendChunkAsync(string actor, string chain, DateTimeOffset at, AuditChange[] changes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await table.GetEntityIfExistsAsync<ChainHeadEntity>(chain, ChainHeadEntity.Row, cancellationToken: cancellationToken);
            var (seq, previous) = head.HasValue ? (head.Value!.Seq, head.Value.Hash) : (0L, RecordChain.Genesis);
            var rows = new List<TableTransactionAction>(changes.Length + 1);
            foreach (var change in changes)
            {
                seq++;
                var text = AuditEntry.Text(actor, change.Entity, change.Region, change.Fields);
                var hash = RecordChain.Hash(previous, seq, RecordChain.FormatAt(at), change.Action, text);
                var entry = new AuditEntry(chain, seq, at, actor, change.Action, change.Entity, change.Region, change.Fields, previous, hash);
                rows.Add(new(TableTransactionActionType.Add, AuditEntity.From(entry)));
                previous = hash;
            }

            var next = new ChainHeadEntity { PartitionKey = chain, Seq = seq, Hash = previous };
            rows.Insert(0, head.HasValue ? new(TableTransactionActionType.UpdateReplace, next, head.Value!.ETag) : new(TableTransactionActionType.Add, next));
            try
            {
                await table.SubmitTransactionAsync(rows, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>Entries from <paramref name="query"/>'s range, ordered by day, actor and sequence; a page at a time.</summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, Func<AuditEntry, bool> visible, CancellationToken cancellationToken)
    {
        var filter = RangeFilter(query.From, query.To) + " and " + TableClient.CreateQueryFilter(
            $"RowKey ge {AuditEntity.Prefix} and RowKey lt {"f"} and At ge {query.From} and At lt {query.To}");
        foreach (var (column, value) in new[] { ("Actor", query.Actor), ("Entity", query.Entity), ("Action", query.Action) })
        {
            if (value is not null)
            {
                // The column name is ours; only the value goes through the filter's escaping.
                filter += $" and {column} eq {TableClient.CreateQueryFilter($"{value}")}";
            }
        }

        var entries = new List<AuditEntry>();
        var continuation = query.Continuation;
        await foreach (var page in table.QueryAsync<AuditEntity>(filter, query.PageSize, cancellationToken: cancellationToken)
            .AsPages(continuation, query.PageSize))
        {
            entries.AddRange(page.Values.Select(e => e.ToEntry()).Where(visible));
            continuation = page.ContinuationToken;
            if (entries.Count >= query.PageSize || continuation is null)
            {
                break;
            }
        }

        return new AuditPage(entries, continuation);
    }

    /// <summary>Checks every chain of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public async Task<AuditVerification> VerifyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var chains = new SortedDictionary<string, (List<RecordEntry> Entries, ChainHeadEntity? Head)>(StringComparer.Ordinal);
        var range = RangeFilter(from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue).AddDays(1).AddTicks(-1));
        await foreach (var row in table.QueryAsync<TableEntity>(range, cancellationToken: cancellationToken))
        {
            if (!chains.TryGetValue(row.PartitionKey, out var chain))
            {
                chains[row.PartitionKey] = chain = ([], null);
            }

            if (row.RowKey == ChainHeadEntity.Row)
            {
                chains[row.PartitionKey] = (chain.Entries, new ChainHeadEntity { Seq = row.GetInt64("Seq") ?? 0, Hash = row.GetString("Hash") ?? "" });
            }
            else
            {
                chain.Entries.Add(Read(row).ToRecordEntry());
            }
        }

        var checks = chains.Select(c =>
        {
            var (headSeq, headHash) = c.Value.Head is { } head ? (head.Seq, head.Hash) : (0L, RecordChain.Genesis);
            var check = RecordVerifier.Verify(c.Value.Entries.OrderBy(e => e.Seq).ToList(), headSeq, headHash);
            return new AuditChainCheck(c.Key, c.Value.Entries.Count, headHash, check.Valid, check.Entry, check.Reason);
        }).ToList();
        return new AuditVerification(checks.All(c => c.Valid), checks);
    }

    /// <summary>Chains whose day ended before <paramref name="cutoff"/>'s day began: what the retention purge deletes.</summary>
    public static string PurgeFilter(DateTimeOffset cutoff) => TableClient.CreateQueryFilter($"PartitionKey lt {Day(cutoff)}");

    public static string ChainOf(DateTimeOffset at, string actor) => Day(at) + "." + actor;

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Partitions start with the day, so a range of days is a range of partition keys ("." sorts after the day, "/" after ".").
    private static string RangeFilter(DateTimeOffset from, DateTimeOffset to) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {Day(from)} and PartitionKey lt {Day(to) + "/"}");

    private static AuditEntry Read(TableEntity row) => new(
        row.PartitionKey,
        row.GetInt64("Seq") ?? 0,
        row.GetDateTimeOffset("At") ?? default,
        row.GetString("Actor") ?? "",
        row.GetString("Action") ?? "",
        row.GetString("Entity") ?? "",
        row.GetString("Region"),
        (row.GetString("Fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("PrevHash") ?? "",
        row.GetString("Hash") ?? "");
}
