using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Responses;

/// <summary>
/// What happens to an alert after its press, in the alert's own partition of the <c>Alerts</c> table:
/// acknowledgements (<c>a|</c>), follow-ups (<c>f|</c>) and escalation steps done (<c>e|</c>).
/// </summary>
public sealed class ResponseStore(TableClient table)
{
    private const int MaxFollowUpAttempts = 10;

    /// <summary>Records an acknowledgement; false when this recipient had acknowledged already.</summary>
    public async Task<bool> TryAddAcknowledgementAsync(string alertId, Acknowledgement acknowledgement, CancellationToken cancellationToken) =>
        await TryAddAsync(AcknowledgementEntity.From(alertId, acknowledgement), cancellationToken);

    public async Task<IReadOnlyList<Acknowledgement>> ListAcknowledgementsAsync(string alertId, CancellationToken cancellationToken)
    {
        var list = new List<Acknowledgement>();
        await foreach (var row in table.QueryAsync<AcknowledgementEntity>(Range(alertId, AcknowledgementEntity.Prefix), cancellationToken: cancellationToken))
        {
            list.Add(row.ToAcknowledgement());
        }

        return list;
    }

    /// <summary>Adds the next follow-up of the alert, numbered 1, 2, …; concurrent writers each get their own number.</summary>
    public async Task<FollowUpRecord> AddFollowUpAsync(
        string alertId, FollowUpKind kind, string status, string? message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var number = await CountAsync(alertId, FollowUpEntity.Prefix, cancellationToken) + 1;
        for (var attempt = 0; attempt < MaxFollowUpAttempts; attempt++, number++)
        {
            var record = new FollowUpRecord(number, kind, status, message, at);
            if (await TryAddAsync(FollowUpEntity.From(alertId, record), cancellationToken))
            {
                return record;
            }
        }

        throw new InvalidOperationException($"Alert {alertId}: no free follow-up number after {MaxFollowUpAttempts} attempts.");
    }

    public async Task<FollowUpRecord?> GetFollowUpAsync(string alertId, int number, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<FollowUpEntity>(alertId, FollowUpEntity.RowFor(number), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToRecord() : null;
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

    /// <summary>Marks the alert as called off under duress: it shows as resolved to the organizer but stays open.</summary>
    public async Task MarkDuressAsync(string alertId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await MergeAlertAsync(alertId, new TableEntity(alertId, Alerts.AlertEntity.Row) { ["DuressAt"] = at }, cancellationToken);

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
