using Azure;
using Azure.Data.Tables;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Responses;

/// <summary>
/// An acknowledgement in the alert's partition: row key <c>a|{deliveryId}</c>, so each recipient acknowledges once.
/// The responder's name and role are sealed (<see cref="FieldCipher"/>).
/// </summary>
internal sealed class AcknowledgementEntity : ITableEntity
{
    public const string Prefix = "a|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ContactId { get; set; } = "";
    public string Responder { get; set; } = "";
    public string Role { get; set; } = "";
    public string Via { get; set; } = "";
    public DateTimeOffset At { get; set; }

    public static AcknowledgementEntity From(string alertId, Acknowledgement ack) => new()
    {
        PartitionKey = alertId,
        RowKey = Prefix + ack.DeliveryId,
        ContactId = ack.ContactId,
        Responder = ack.Responder,
        Role = ack.Role.ToWire(),
        Via = ack.Via.ToString(),
        At = ack.At,
    };

    public AcknowledgementEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        Responder = row.SealText(nameof(Responder), Responder);
        Role = row.SealText(nameof(Role), Role);
        return this;
    }

    public AcknowledgementEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        Responder = row.OpenText(nameof(Responder), Responder);
        Role = row.OpenText(nameof(Role), Role);
        return this;
    }

    public Acknowledgement ToAcknowledgement() => new(
        RowKey[Prefix.Length..],
        ContactId,
        Responder,
        ContactRoles.TryParse(Role, out var role) ? role : ContactRole.Ally,
        Enum.Parse<Channel>(Via),
        At);
}

/// <summary>A follow-up in the alert's partition: row key <c>f|{number:D4}</c>. Its status and message are sealed.</summary>
internal sealed class FollowUpEntity : ITableEntity
{
    public const string Prefix = "f|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Number { get; set; }
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Message { get; set; }
    public DateTimeOffset At { get; set; }

    public static string RowFor(int number) => $"{Prefix}{number:D4}";

    public static FollowUpEntity From(string alertId, FollowUpRecord record) => new()
    {
        PartitionKey = alertId,
        RowKey = RowFor(record.Number),
        Number = record.Number,
        Kind = record.Kind.ToString(),
        Status = record.Status,
        Message = record.Message,
        At = record.At,
    };

    public FollowUpEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        Status = row.SealText(nameof(Status), Status);
        Message = row.Seal(nameof(Message), Message);
        return this;
    }

    public FollowUpEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        Status = row.OpenText(nameof(Status), Status);
        Message = row.Open(nameof(Message), Message);
        return this;
    }

    public FollowUpRecord ToRecord() => new(Number, Enum.Parse<FollowUpKind>(Kind), Status, Message, At);
}

/// <summary>Marks an escalation step as done, in the alert's partition: row key <c>e|{step}</c>.</summary>
internal sealed class EscalationStepEntity : ITableEntity
{
    public const string Prefix = "e|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
}
