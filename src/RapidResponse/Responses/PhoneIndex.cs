using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RapidResponse.Dispatch;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>A delivery an inbound SMS may answer: the alert SMS most recently sent to that number first.</summary>
public sealed record SentTo(string AlertId, string DeliveryId);

/// <summary>The opted-out numbers, as read once for a whole fan-out.</summary>
public sealed class OptOuts(IReadOnlySet<string> hashes, PhoneHasher hasher)
{
    public bool Contains(string phone) => hashes.Contains(hasher.Hash(phone));
}

/// <summary>
/// The <c>PhoneIndex</c> table: from an inbound SMS's number to what it may be about (alerts sent to it, the organizer
/// it belongs to, its opt-out) in one partition read, without scanning alerts. Keys are keyed hashes of the number.
/// </summary>
public sealed class PhoneIndex(TableClient table, PhoneHasher hasher)
{
    /// <summary>How many recent alerts an acknowledgement looks through for one still open.</summary>
    public const int RecentLimit = 20;

    public async Task AddSentAsync(IEnumerable<Delivery> deliveries, CancellationToken cancellationToken) =>
        await Task.WhenAll(deliveries.Where(d => d.Channel is Channel.Sms or Channel.WhatsApp && d.Kind == DeliveryKind.Alert).Select(d =>
            table.UpsertEntityAsync(
                new PhoneIndexEntity
                {
                    PartitionKey = hasher.Hash(d.Address),
                    RowKey = string.Create(CultureInfo.InvariantCulture, $"{PhoneIndexEntity.SentPrefix}{DateTimeOffset.MaxValue.UtcTicks - d.CreatedAt.UtcTicks:D19}|{d.AlertId}"),
                    AlertId = d.AlertId,
                    DeliveryId = d.Id,
                    At = d.CreatedAt,
                },
                TableUpdateMode.Replace,
                cancellationToken)));

    public async Task<IReadOnlyList<SentTo>> RecentAsync(string phone, CancellationToken cancellationToken)
    {
        var partition = hasher.Hash(phone);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PhoneIndexEntity.SentPrefix} and RowKey lt {"s}"}");
        var found = new List<SentTo>();
        await foreach (var row in table.QueryAsync<PhoneIndexEntity>(filter, maxPerPage: RecentLimit, cancellationToken: cancellationToken))
        {
            found.Add(new SentTo(row.AlertId!, row.DeliveryId!));
            if (found.Count == RecentLimit)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Opt-outs live in one partition (<see cref="PhoneIndexEntity.OptOutPartition"/>, a row per number's hash), so a
    /// fan-out reads them all in one query instead of one point read per recipient.
    /// </summary>
    public async Task OptOutAsync(string phone, DateTimeOffset at, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(
            new PhoneIndexEntity { PartitionKey = PhoneIndexEntity.OptOutPartition, RowKey = hasher.Hash(phone), At = at }, TableUpdateMode.Replace, cancellationToken);

    public async Task OptInAsync(string phone, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(PhoneIndexEntity.OptOutPartition, hasher.Hash(phone), ETag.All, cancellationToken);

    /// <summary>Every number that sent STOP and not START since: one partition query (STOP is rare).</summary>
    public async Task<OptOuts> OptOutsAsync(CancellationToken cancellationToken)
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PhoneIndexEntity.OptOutPartition}");
        await foreach (var row in table.QueryAsync<PhoneIndexEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            hashes.Add(row.RowKey);
        }

        return new OptOuts(hashes, hasher);
    }

    /// <summary>Moves an organizer's entry from its old number to its new one (either may be null).</summary>
    public async Task SetOrganizerAsync(string organizerId, string? oldPhone, string? newPhone, CancellationToken cancellationToken)
    {
        if (oldPhone is not null && oldPhone != newPhone)
        {
            await table.DeleteEntityAsync(hasher.Hash(oldPhone), PhoneIndexEntity.OrganizerPrefix + organizerId, ETag.All, cancellationToken);
        }

        if (newPhone is not null)
        {
            await table.UpsertEntityAsync(
                new PhoneIndexEntity { PartitionKey = hasher.Hash(newPhone), RowKey = PhoneIndexEntity.OrganizerPrefix + organizerId, OrganizerId = organizerId },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>The organizers registered with this number (normally one).</summary>
    public async Task<IReadOnlyList<string>> OrganizersAsync(string phone, CancellationToken cancellationToken)
    {
        var partition = hasher.Hash(phone);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PhoneIndexEntity.OrganizerPrefix} and RowKey lt {"o}"}");
        var found = new List<string>();
        await foreach (var row in table.QueryAsync<PhoneIndexEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(row.OrganizerId!);
        }

        return found;
    }
}
