using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Responses;

/// <summary>
/// A row of the <c>PhoneIndex</c> table, partitioned by the keyed hash of a phone number: <c>s|{inverted ticks}|…</c>
/// for each alert SMS sent to it (newest first), <c>o|{organizerId}</c> for the organizer it belongs to. Opt-outs
/// (after STOP) are rows of one partition, <see cref="OptOutPartition"/>, keyed by the hash.
/// </summary>
internal sealed class PhoneIndexEntity : ITableEntity
{
    public const string SentPrefix = "s|";
    public const string OrganizerPrefix = "o|";
    public const string OptOutPartition = "optouts";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? AlertId { get; set; }
    public string? DeliveryId { get; set; }
    public string? OrganizerId { get; set; }
    public DateTimeOffset At { get; set; }
}
