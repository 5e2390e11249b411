using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Alerts;

/// <summary>One press reservation: which alert a key stands for, and whether accepting it completed.</summary>
public sealed record PressReservation(
    string OrganizerId,
    string Key,
    string Fingerprint,
    string AlertId,
    ReservationState State,
    DateTimeOffset CreatedAt)
{
    public string? Version { get; init; }
}

public enum ReservationState
{
    /// <summary>Being accepted right now.</summary>
    Accepting,

    /// <summary>Accepting failed after the reservation (storage or queue trouble): a retry completes it.</summary>
    Interrupted,

    /// <summary>The alert is durable and queued.</summary>
    Accepted,
}

/// <summary>The <c>Idempotency</c> table: partition the organizer id, row key the (hashed) idempotency key.</summary>
public sealed class IdempotencyStore(TableClient table)
{
    /// <summary>Adds the reservation; null when one exists already for this organizer and key.</summary>
    public async Task<PressReservation?> TryAddAsync(PressReservation reservation, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(ToEntity(reservation), cancellationToken);
            return reservation with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }
    }

    public async Task<PressReservation?> GetAsync(string organizerId, string key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(organizerId, key, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Replaces the reservation over the version read; null when someone else changed it first.</summary>
    public async Task<PressReservation?> TryReplaceAsync(PressReservation reservation, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(
                ToEntity(reservation), new ETag(reservation.Version!), TableUpdateMode.Replace, cancellationToken);
            return reservation with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(PressReservation reservation) => new(reservation.OrganizerId, reservation.Key)
    {
        ["Fingerprint"] = reservation.Fingerprint,
        ["AlertId"] = reservation.AlertId,
        ["State"] = reservation.State.ToString(),
        ["CreatedAt"] = reservation.CreatedAt,
    };

    private static PressReservation FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetString("Fingerprint"),
        entity.GetString("AlertId"),
        Enum.Parse<ReservationState>(entity.GetString("State")),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
    {
        Version = entity.ETag.ToString(),
    };
}
