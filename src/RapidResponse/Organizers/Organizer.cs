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
    bool Revoked = false)
{
    /// <summary>The organizer's codes, hashed (<see cref="Security.CodeHasher"/>); never shown.</summary>
    public OrganizerCodes Codes { get; init; } = OrganizerCodes.None;

    /// <summary>Whether a responder who acknowledged may be given the organizer's phone number.</summary>
    public bool SharePhone { get; init; }
}

/// <summary>Hashes of the organizer's safe code, duress code and SMS codeword, under one per-organizer salt.</summary>
public sealed record OrganizerCodes(string? Salt, string? SafeCode, string? DuressCode, string? SmsCodeword)
{
    public static readonly OrganizerCodes None = new(null, null, null, null);
}

/// <summary>Which of the organizer's codes (<see cref="OrganizerCodes"/>).</summary>
public enum OrganizerCode
{
    Safe,
    Duress,
    SmsCodeword,
}
