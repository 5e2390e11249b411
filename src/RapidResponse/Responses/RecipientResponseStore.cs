using Azure;
using Azure.Data.Tables;
using RapidResponse.Contacts;

namespace RapidResponse.Responses;

/// <summary>A responder's short status as their page and the others' pages show it.</summary>
public sealed record ResponderStatus(string DeliveryId, string Responder, ContactRole Role, string Status, string? Note, DateTimeOffset At);

/// <summary>
/// What recipients say from their page besides "I'm responding" (an <see cref="Acknowledgement"/>): "I can't go" and
/// short statuses, kept in the alert's partition of the <c>Alerts</c> table so retention removes them with it.
/// Statuses and follow-ups are sealed with the data key, bound to their row.
/// </summary>
public sealed class RecipientResponseStore(TableClient table, Security.FieldCipher? cipher = null)
{
    private readonly Security.FieldCipher cipher = cipher ?? Security.FieldCipher.None;

    /// <summary>Records a decline; false when this delivery had declined already.</summary>
    public async Task<bool> TryDeclineAsync(string alertId, string deliveryId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new DeclineEntity { PartitionKey = alertId, RowKey = DeclineEntity.Prefix + deliveryId, At = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlySet<string>> DeclinedAsync(string alertId, CancellationToken cancellationToken)
    {
        var declined = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<DeclineEntity>(Range(alertId, DeclineEntity.Prefix), cancellationToken: cancellationToken))
        {
            declined.Add(row.RowKey[DeclineEntity.Prefix.Length..]);
        }

        return declined;
    }

    public async Task AddStatusAsync(string alertId, ResponderStatus status, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(ResponderStatusEntity.From(alertId, status).Sealed(cipher), cancellationToken);

    public async Task<IReadOnlyList<ResponderStatus>> StatusesAsync(string alertId, CancellationToken cancellationToken)
    {
        var list = new List<ResponderStatus>();
        await foreach (var row in table.QueryAsync<ResponderStatusEntity>(Range(alertId, ResponderStatusEntity.Prefix), cancellationToken: cancellationToken))
        {
            list.Add(row.Opened(cipher).ToStatus());
        }

        return list;
    }

    /// <summary>The alert's follow-ups (updates, the resolution), oldest first.</summary>
    public async Task<IReadOnlyList<FollowUpRecord>> FollowUpsAsync(string alertId, CancellationToken cancellationToken)
    {
        var list = new List<FollowUpRecord>();
        await foreach (var row in table.QueryAsync<FollowUpEntity>(Range(alertId, FollowUpEntity.Prefix), cancellationToken: cancellationToken))
        {
            list.Add(row.Opened(cipher).ToRecord());
        }

        return list;
    }

    // Every prefix ends in '|', and '}' sorts after it: the range holds exactly the prefix's rows.
    private static string Range(string alertId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {alertId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
}
