using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Responses;

/// <summary>
/// A row of the <c>PhoneIndex</c> table, partitioned by the keyed hash of a phone number: <c>s|{inverted ticks}|…</c>
/// for each alert SMS sent to it (newest first), <c>o|{organizerId}</c> for the organizer it belongs to, <c>optout</c>
/// after STOP.
/// </summary>
internal sealed class PhoneIndexEntity : ITableEntity
{
    public const string SentPrefix = "s|";
    public const string OrganizerPrefix = "o|";
    public const string OptOutRow = "optout";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? AlertId { get; set; }
    public string? DeliveryId { get; set; }
    public string? OrganizerId { get; set; }
    public DateTimeOffset At { get; set; }
}
