using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Responses;

/// <summary>"I can't go", in the alert's partition: row key <c>r|n|{deliveryId}</c>, once per delivery.</summary>
internal sealed class DeclineEntity : ITableEntity
{
    public const string Prefix = "r|n|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A responder's short status, in the alert's partition: row key <c>r|s|{ticks}|{deliveryId}</c>, oldest first.</summary>
internal sealed class ResponderStatusEntity : ITableEntity
{
    public const string Prefix = "r|s|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DeliveryId { get; set; } = "";
    public string Responder { get; set; } = "";
    public string Role { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}
