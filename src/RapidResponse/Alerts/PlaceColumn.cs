using System.Text.Json;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Alerts;

/// <summary>
/// Where an alert or event happens, sealed as one column (<c>Place</c>, JSON of the <see cref="Location"/>) when a data
/// key is configured, since coordinates are numbers and a sealed value is text. Without a key the place stays in
/// its clear columns (<c>Lat</c>, <c>Lon</c>, …) as before, and rows written so still read.
/// </summary>
internal static class PlaceColumn
{
    public const string Name = "Place";

    /// <summary>The sealed place, or null when there is no key (or no place): then the clear columns keep it.</summary>
    public static string? Seal(RowCipher row, Location? place) =>
        row.Enabled && place is not null ? row.Seal(Name, JsonSerializer.Serialize(place, StorageJson.Default.Location)) : null;

    public static Location? Open(RowCipher row, string stored) =>
        JsonSerializer.Deserialize(row.OpenText(Name, stored), StorageJson.Default.Location);
}
