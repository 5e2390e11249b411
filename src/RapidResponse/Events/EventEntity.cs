using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RapidResponse.Alerts;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Events;

/// <summary>
/// Row of the <c>Events</c> table: partition the organizer id, row key the event id. Name, place and people are
/// sealed (<see cref="FieldCipher"/>); region and times stay clear (the list filters on its end).
/// </summary>
internal sealed class EventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    public string? PlaceText { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string People { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The sealed place (<see cref="PlaceColumn"/>); null when the clear columns hold it.</summary>
    public string? Place { get; set; }

    public EventEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Events, PartitionKey, RowKey);
        if (PlaceColumn.Seal(row, Lat is null && PlaceText is null ? null : new Location(Lat, Lon, null, PlaceText)) is { } place)
        {
            (Place, Lat, Lon, PlaceText) = (place, null, null, null);
        }

        Name = row.SealText(nameof(Name), Name);
        People = row.SealText(nameof(People), People);
        return this;
    }

    public EventEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Events, PartitionKey, RowKey);
        if (Place is not null && PlaceColumn.Open(row, Place) is { } place)
        {
            (Place, Lat, Lon, PlaceText) = (null, place.Lat, place.Lon, place.Text);
        }

        Name = row.OpenText(nameof(Name), Name);
        People = row.OpenText(nameof(People), People);
        return this;
    }

    public static EventEntity From(RegisteredEvent registered) => new()
    {
        PartitionKey = registered.OrganizerId,
        RowKey = registered.Id,
        Name = registered.Name,
        Region = registered.Region,
        PlaceText = registered.Place?.Text,
        Lat = registered.Place?.Lat,
        Lon = registered.Place?.Lon,
        StartsAt = registered.StartsAt,
        EndsAt = registered.EndsAt,
        People = JsonSerializer.Serialize(registered.People, StorageJson.Default.IReadOnlyListPerson),
        CreatedAt = registered.CreatedAt,
    };

    public RegisteredEvent ToEvent() => new(
        RowKey,
        PartitionKey,
        Name,
        Region,
        Lat is null && PlaceText is null ? null : new Location(Lat, Lon, null, PlaceText),
        StartsAt,
        EndsAt,
        JsonSerializer.Deserialize(People, StorageJson.Default.IReadOnlyListPerson) ?? [],
        CreatedAt);
}
