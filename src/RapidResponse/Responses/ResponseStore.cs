using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Responses;

/// <summary>
/// What happens to an alert after its press, in the alert's own partition of the <c>Alerts</c> table:
/// acknowledgements (<c>a|</c>), follow-ups (<c>f|</c>) and escalation steps done (<c>e|</c>). The responder's name
/// and role and the follow-up's words are sealed with the data key, bound to their row.
/// </summary>
public sealed class ResponseStore(TableClient table, Security.FieldCipher? cipher = null)
{
    private readonly Security.FieldCipher cipher = cipher ?? Security.FieldCipher.None;

    /// <summary>Records an acknowledgement; false when this recipient had acknowledged already.</summary>
    public async Task<bool> TryAddAcknowledgementAsync(string alertId, Acknowledgement acknowledgement, CancellationToken cancellationToken) =>
        await TryAddAsync(AcknowledgementEntity.From(alertId, acknowledgement).Sealed(cipher), cancellationToken);

    public async Task<IReadOnlyList<Acknowledgement>> ListAcknowledgementsAsync(string alertId, CancellationToken cancellationToken)
    {
        var list = new List<Acknowledgement>();
        await foreach (var row in table.QueryAsync<AcknowledgementEntity>(Range(alertId, AcknowledgementEntity.Prefix), cancellationToken: cancellationToken))
        {
            list.Add(row.Opened(cipher).ToAcknowledgement());
        }

        return list;
    }

    /// <summary>
    /// Accepts the alert's next follow-up (numbered 1, 2, …) and the change it makes to the alert, in one transaction
    /// guarded by the alert row's ETag as it was read: the count on the row numbers follow-ups without collisions, and
    /// a resolve and an update racing are put in one order. Null when the alert changed since it was read: read it
    /// again and decide again (it may be resolved now).
    /// </summary>
    public async Task<FollowUpRecord?> TryAddFollowUpAsync(
        Alerts.Alert alert, FollowUpKind kind, string status, string? message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Rows written before the count existed count their follow-ups once; the first write stores the count.
        var number = (alert.FollowUps ?? await CountAsync(alert.Id, FollowUpEntity.Prefix, cancellationToken)) + 1;
        var record = new FollowUpRecord(number, kind, status, message, at);
        var change = new TableEntity(alert.Id, Alerts.AlertEntity.Row) { ["FollowUps"] = number };
        if (kind == FollowUpKind.Resolution)
        {
            change["Status"] = nameof(Alerts.AlertStatus.Resolved);
            change["ResolvedAt"] = at;
        }
        else if (kind == FollowUpKind.Duress)
        {
            change["DuressAt"] = at;
        }

        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateMerge, change, new ETag(alert.Version!)),
            new(TableTransactionActionType.Add, FollowUpEntity.From(alert.Id, record).Sealed(cipher)),
        ];
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return record;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task<FollowUpRecord?> GetFollowUpAsync(string alertId, int number, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<FollowUpEntity>(alertId, FollowUpEntity.RowFor(number), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.Opened(cipher).ToRecord() : null;
    }

    public async Task<bool> IsStepDoneAsync(string alertId, int step, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<EscalationStepEntity>(alertId, StepRow(step), cancellationToken: cancellationToken)).HasValue;

    /// <summary>Marks an escalation step done; false when it was marked already (a repeated queue message).</summary>
    public async Task<bool> TryMarkStepDoneAsync(string alertId, int step, DateTimeOffset at, CancellationToken cancellationToken) =>
        await TryAddAsync(new EscalationStepEntity { PartitionKey = alertId, RowKey = StepRow(step), At = at }, cancellationToken);

    /// <summary>Closes the alert (merging only its state, so a concurrent duress mark is kept).</summary>
    public async Task MarkResolvedAsync(string alertId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await MergeAlertAsync(alertId, new TableEntity(alertId, Alerts.AlertEntity.Row)
        {
            ["Status"] = nameof(Alerts.AlertStatus.Resolved),
            ["ResolvedAt"] = at,
        }, cancellationToken);

    private async Task MergeAlertAsync(string alertId, TableEntity changes, CancellationToken cancellationToken) =>
        await table.UpdateEntityAsync(changes, ETag.All, TableUpdateMode.Merge, cancellationToken);

    private static string StepRow(int step) => EscalationStepEntity.Prefix + step.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Range(string alertId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {alertId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    private async Task<int> CountAsync(string alertId, string prefix, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(Range(alertId, prefix), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private async Task<bool> TryAddAsync(ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }
}
