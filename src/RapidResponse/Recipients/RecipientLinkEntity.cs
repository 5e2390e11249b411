using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Recipients;

/// <summary>A row of the <c>RecipientLinks</c> table: partition the SHA-256 of a page code, one row naming its delivery.</summary>
internal sealed class RecipientLinkEntity : ITableEntity
{
    public const string Row = "link";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string AlertId { get; set; } = "";
    public string DeliveryId { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
