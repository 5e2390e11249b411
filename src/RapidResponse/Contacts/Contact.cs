namespace RapidResponse.Contacts;

/// <summary>A person or organisation alerted for a region: a lawyer, an NGO, a journalist, a diplomat, an ally.</summary>
public sealed record Contact(
    string Id,
    string Region,
    string Name,
    ContactRole Role,
    int Tier,
    string? Phone,
    string? Email,
    string Language,
    bool Active)
{
    /// <summary>The channel the contact asked for instead of their role's (<see cref="ContactChannels.WhatsApp"/>), or null.</summary>
    public string? Prefers { get; init; }
}

/// <summary>The channels a contact may prefer.</summary>
public static class ContactChannels
{
    public const string WhatsApp = "whatsapp";

    public const string Rule = "must be whatsapp, or absent for the role's channel";
}
