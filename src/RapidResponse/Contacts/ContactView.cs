namespace RapidResponse.Contacts;

/// <summary>A contact as a coordinator reads it back.</summary>
public sealed record ContactView(
    string ContactId,
    string Name,
    string Region,
    string Role,
    int Tier,
    string? Phone,
    string? Email,
    string Language,
    bool Active)
{
    /// <summary><c>whatsapp</c>, or null for the role's channel.</summary>
    public string? Prefers { get; init; }

    public static ContactView From(Contact contact) => new(
        contact.Id, contact.Name, contact.Region, contact.Role.ToWire(), contact.Tier, contact.Phone, contact.Email, contact.Language, contact.Active)
    {
        Prefers = contact.Prefers,
    };

    /// <summary>As <see cref="From"/>, with the phone and email masked: for a preview that need not show them.</summary>
    public static ContactView Masked(Contact contact) => From(contact) with
    {
        Phone = contact.Phone is null ? null : Security.Pii.MaskAddress(contact.Phone),
        Email = contact.Email is null ? null : Security.Pii.MaskAddress(contact.Email),
    };
}
