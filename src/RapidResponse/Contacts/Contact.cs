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
    bool Active);
