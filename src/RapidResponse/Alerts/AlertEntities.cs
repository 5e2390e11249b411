using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Alerts;

/// <summary>
/// The alert's own row in its partition of the <c>Alerts</c> table. What it says (message, people, event name, place)
/// is sealed (<see cref="FieldCipher"/>); its organizer id, region, incident, state and times stay clear.
/// </summary>
internal sealed class AlertEntity : ITableEntity
{
    public const string Row = "alert";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string OrganizerId { get; set; } = "";
    public string Region { get; set; } = "";
    public string Incident { get; set; } = "";
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public double? AccuracyM { get; set; }
    public string? LocationText { get; set; }
    public string? Message { get; set; }
    public string People { get; set; } = "[]";
    public string? EventName { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Silent { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? DuressAt { get; set; }
    public int? FollowUps { get; set; }

    /// <summary>The sealed place (<see cref="PlaceColumn"/>); null when the clear columns hold it.</summary>
    public string? Place { get; set; }

    public AlertEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        if (PlaceColumn.Seal(row, Lat is null && LocationText is null ? null : new Location(Lat, Lon, AccuracyM, LocationText)) is { } place)
        {
            (Place, Lat, Lon, AccuracyM, LocationText) = (place, null, null, null, null);
        }

        Message = row.Seal(nameof(Message), Message);
        People = row.SealText(nameof(People), People);
        EventName = row.Seal(nameof(EventName), EventName);
        return this;
    }

    public AlertEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        if (Place is not null && PlaceColumn.Open(row, Place) is { } place)
        {
            (Place, Lat, Lon, AccuracyM, LocationText) = (null, place.Lat, place.Lon, place.AccuracyM, place.Text);
        }

        Message = row.Open(nameof(Message), Message);
        People = row.OpenText(nameof(People), People);
        EventName = row.Open(nameof(EventName), EventName);
        return this;
    }

    public static AlertEntity From(Alert alert) => new()
    {
        PartitionKey = alert.Id,
        OrganizerId = alert.OrganizerId,
        Region = alert.Region,
        Incident = alert.Incident.ToWire(),
        Lat = alert.Location?.Lat,
        Lon = alert.Location?.Lon,
        AccuracyM = alert.Location?.AccuracyM,
        LocationText = alert.Location?.Text,
        Message = alert.Message,
        People = JsonSerializer.Serialize(alert.People, StorageJson.Default.IReadOnlyListPerson),
        EventName = alert.EventName,
        OccurredAt = alert.OccurredAt,
        CreatedAt = alert.CreatedAt,
        Silent = alert.Silent,
        Status = alert.Status.ToString(),
        ResolvedAt = alert.ResolvedAt,
        DuressAt = alert.DuressAt,
    };

    public Alert ToAlert() => new(
        PartitionKey,
        OrganizerId,
        Region,
        Enum.Parse<Incident>(Incident, ignoreCase: true),
        Lat is null && LocationText is null ? null : new Location(Lat, Lon, AccuracyM, LocationText),
        Message,
        JsonSerializer.Deserialize(People, StorageJson.Default.IReadOnlyListPerson) ?? [],
        EventName,
        OccurredAt,
        CreatedAt,
        Silent,
        Enum.Parse<AlertStatus>(Status),
        ResolvedAt,
        DuressAt)
    {
        FollowUps = FollowUps,
        Version = ETag.ToString(),
    };
}

/// <summary>
/// One recipient × channel of an alert, in the alert's partition (row key <c>d|…</c>). Who it is (name, role,
/// address) and the provider's error text are sealed; state, attempts and times stay clear for the dispatch.
/// </summary>
internal sealed class DeliveryEntity : ITableEntity
{
    public const string Prefix = "d|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ContactId { get; set; } = "";
    public string Region { get; set; } = "";
    public string RecipientName { get; set; } = "";
    public string Role { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string Language { get; set; } = "";
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public string? ProviderId { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SendingSince { get; set; }
    public string History { get; set; } = "[]";
    public string? Kind { get; set; }
    public string? About { get; set; }
    public bool? OutcomeUnknown { get; set; }
    public int? Failures { get; set; }
    public DateTimeOffset? RetryAt { get; set; }

    public DeliveryEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        RecipientName = row.SealText(nameof(RecipientName), RecipientName);
        Role = row.SealText(nameof(Role), Role);
        Address = row.SealText(nameof(Address), Address);
        Error = row.Seal(nameof(Error), Error);
        return this;
    }

    public DeliveryEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(TableNames.Alerts, PartitionKey, RowKey);
        RecipientName = row.OpenText(nameof(RecipientName), RecipientName);
        Role = row.OpenText(nameof(Role), Role);
        Address = row.OpenText(nameof(Address), Address);
        Error = row.Open(nameof(Error), Error);
        return this;
    }

    public static DeliveryEntity From(Delivery delivery) => new()
    {
        PartitionKey = delivery.AlertId,
        RowKey = Prefix + delivery.Id,
        ETag = delivery.Version is null ? default : new ETag(delivery.Version),
        ContactId = delivery.ContactId,
        Region = delivery.Region,
        RecipientName = delivery.RecipientName,
        Role = delivery.Role.ToWire(),
        Channel = delivery.Channel.ToString(),
        Address = delivery.Address,
        Language = delivery.Language,
        State = delivery.State.ToString(),
        Attempts = delivery.Attempts,
        ProviderId = delivery.ProviderId,
        Error = delivery.Error,
        CreatedAt = delivery.CreatedAt,
        SendingSince = delivery.SendingSince,
        History = JsonSerializer.Serialize(delivery.History, StorageJson.Default.IReadOnlyListDeliveryStep),
        Kind = delivery.Kind == DeliveryKind.Alert ? null : delivery.Kind.ToString(),
        About = delivery.About,
        OutcomeUnknown = delivery.OutcomeUnknown ? true : null,
        Failures = delivery.Failures == 0 ? null : delivery.Failures,
        RetryAt = delivery.RetryAt,
    };

    public Delivery ToDelivery() => new(
        PartitionKey,
        RowKey[Prefix.Length..],
        ContactId,
        Region,
        RecipientName,
        ContactRoles.TryParse(Role, out var role) ? role : ContactRole.Ally,
        Enum.Parse<Channel>(Channel),
        Address,
        Language,
        Enum.Parse<DeliveryState>(State),
        Attempts,
        ProviderId,
        Error,
        CreatedAt,
        SendingSince,
        JsonSerializer.Deserialize(History, StorageJson.Default.IReadOnlyListDeliveryStep) ?? [])
    {
        Version = ETag.ToString(),
        Kind = Kind is null ? DeliveryKind.Alert : Enum.Parse<DeliveryKind>(Kind),
        About = About,
        OutcomeUnknown = OutcomeUnknown ?? false,
        Failures = Failures ?? 0,
        RetryAt = RetryAt,
    };
}

/// <summary>
/// One timeline entry, in the alert's partition (row key <c>t|{ticks}|{n}</c>, so they sort by time). Its text (which
/// quotes names) is sealed; the chain's hash is over the clear text, so an export verifies as before.
/// </summary>
internal sealed class TimelineEntity : ITableEntity
{
    public const string Prefix = "t|";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The entry's place in the alert's hash chain (1, 2, …); null only for rows written before the chain.</summary>
    public long? Seq { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }

    /// <summary>The entry as entry <paramref name="seq"/> of the chain, linked to <paramref name="prevHash"/>.</summary>
    public static TimelineEntity From(string alertId, TimelineEntry entry, long seq, string prevHash) => new()
    {
        PartitionKey = alertId,
        RowKey = $"{Prefix}{entry.At.UtcTicks:D19}|{Guid.NewGuid():N}",
        At = entry.At,
        Kind = entry.Kind,
        Text = entry.Text,
        Seq = seq,
        PrevHash = prevHash,
        Hash = Security.RecordChain.Hash(prevHash, seq, Security.RecordChain.FormatAt(entry.At), entry.Kind, entry.Text),
    };

    public TimelineEntity Sealed(FieldCipher cipher)
    {
        Text = cipher.For(TableNames.Alerts, PartitionKey, RowKey).SealText(nameof(Text), Text);
        return this;
    }

    public TimelineEntity Opened(FieldCipher cipher)
    {
        Text = cipher.For(TableNames.Alerts, PartitionKey, RowKey).OpenText(nameof(Text), Text);
        return this;
    }

    public TimelineEntry ToEntry() => new(At, Kind, Text);

    public Security.RecordEntry? ToRecordEntry() =>
        Seq is { } seq ? new(seq, Security.RecordChain.FormatAt(At), Kind, Text, PrevHash ?? "", Hash ?? "") : null;
}

/// <summary>The head of an alert's timeline chain (<see cref="ChainHeadEntity"/> in its partition).</summary>
internal static class ChainHeads
{
    public static ChainHeadEntity For(TimelineEntity last) => new() { PartitionKey = last.PartitionKey, Seq = last.Seq!.Value, Hash = last.Hash! };
}
