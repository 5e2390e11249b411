namespace RapidResponse.Alerts;

/// <summary>Where it is happening; coordinates when the phone knew them, words when the organizer typed them.</summary>
public sealed record Location(double? Lat, double? Lon, double? AccuracyM, string? Text)
{
    public bool HasCoordinates => Lat is not null && Lon is not null;
}

/// <summary>Someone at risk. <see cref="PublicName"/> is their consent to be named in a public statement.</summary>
public sealed record Person(string Name, string? Role, bool PublicName);

/// <summary>Where an alert is in its life.</summary>
public enum AlertStatus
{
    Open,
    Resolved,
}

/// <summary>A panic press, as accepted: the facts every message about it is built from.</summary>
public sealed record Alert(
    string Id,
    string OrganizerId,
    string Region,
    Incident Incident,
    Location? Location,
    string? Message,
    IReadOnlyList<Person> People,
    string? EventName,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt,
    bool Silent,
    AlertStatus Status = AlertStatus.Open,
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? DuressAt = null)
{
    /// <summary>
    /// When the organizer saw the alert close: the first of a resolve and a duress resolve (which keeps it open for
    /// everyone else). Null while the organizer sees it open.
    /// </summary>
    public DateTimeOffset? ClosedAt => ResolvedAt is { } resolved && (DuressAt is null || resolved <= DuressAt) ? resolved : DuressAt;

    /// <summary>How many follow-ups (updates, the resolution, a duress signal) were accepted; null on rows older than the count.</summary>
    public int? FollowUps { get; init; }

    /// <summary>The alert row's ETag when read: a change to its state is written only over it.</summary>
    public string? Version { get; init; }
}
