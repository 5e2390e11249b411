namespace RapidResponse.Organizers;

/// <summary>Someone who runs events in a hostile place and may press panic for the regions given.</summary>
public sealed record Organizer(
    string Id,
    string Name,
    IReadOnlyList<string> Regions,
    string? Phone,
    string Language,
    string TokenHash,
    DateTimeOffset CreatedAt,
    bool Revoked = false);
