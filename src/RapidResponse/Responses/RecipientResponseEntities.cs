using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RapidResponse.Contacts;
using RapidResponse.Security;
using RapidResponse.Storage;

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

/// <summary>
/// A responder's short status, in the alert's partition: row key <c>r|s|{ticks}|{deliveryId}</c>, oldest first.
/// Who says it and what (name, role, status, note) is sealed (<see cref="FieldCipher"/>).
/// </summary>
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

    public static ResponderStatusEntity From(string alertId, ResponderStatus status) => new()
    {
        PartitionKey = alertId,
        RowKey = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{status.At.UtcTicks:D19}|{status.DeliveryId}"),
        DeliveryId = status.DeliveryId,
        Responder = status.Responder,
        Role = status.Role.ToWire(),
        Status = status.Status,
        Note = status.Note,
        At = status.At,
    };

    public ResponderStatusEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        Responder = row.SealText(nameof(Responder), Responder);
        Role = row.SealText(nameof(Role), Role);
        Status = row.SealText(nameof(Status), Status);
        Note = row.Seal(nameof(Note), Note);
        return this;
    }

    public ResponderStatusEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        Responder = row.OpenText(nameof(Responder), Responder);
        Role = row.OpenText(nameof(Role), Role);
        Status = row.OpenText(nameof(Status), Status);
        Note = row.Open(nameof(Note), Note);
        return this;
    }

    public ResponderStatus ToStatus() =>
        new(DeliveryId, Responder, ContactRoles.TryParse(Role, out var role) ? role : ContactRole.Ally, Status, Note, At);
}
