namespace RapidResponse.Alerts;

/// <summary>The body of <c>POST /api/panic</c>, as sent; <see cref="PanicValidator"/> turns it into facts.</summary>
public sealed record PanicRequest(
    string? Region,
    string? Incident,
    PanicLocation? Location,
    string? Message,
    IReadOnlyList<PanicPerson?>? People,
    string? EventName,
    string? EventId,
    DateTimeOffset? OccurredAt,
    bool? Silent);

public sealed record PanicLocation(double? Lat, double? Lon, double? AccuracyM, string? Text);

public sealed record PanicPerson(string? Name, string? Role, bool? PublicName);
