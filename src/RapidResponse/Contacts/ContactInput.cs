using RapidResponse.Http;
using RapidResponse.Storage;

namespace RapidResponse.Contacts;

/// <summary>A contact as a coordinator sends it (JSON body or CSV row), before validation.</summary>
public sealed record ContactInput(
    string? Name,
    string? Region,
    string? Role,
    int? Tier,
    string? Phone,
    string? Email,
    string? Language,
    bool? Active,
    string? Prefers = null)
{
    public const int MaxTier = 9;

    /// <summary>Validates every field, reporting all problems; the contact when there are none.</summary>
    public Contact? Validate(string contactId, FieldErrors errors)
    {
        if (!Keys.IsValid(contactId))
        {
            errors.Add("contactId", "must be 1-100 characters without / \\ # or ?");
        }

        var name = errors.RequiredText("name", Name, maxLength: 100);
        string? region = null;
        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("region", "is required");
        }
        else if (!RegionCode.IsValid(Region))
        {
            errors.Add("region", RegionCode.Rule);
        }
        else
        {
            region = RegionCode.Normalize(Region);
        }

        if (!ContactRoles.TryParse(Role, out var role))
        {
            errors.Add("role", ContactRoles.Rule);
        }

        var tier = Tier ?? 1;
        if (tier is < 1 or > MaxTier)
        {
            errors.Add("tier", $"must be between 1 and {MaxTier}");
        }

        var phone = Phones.NormalizeOrReport(errors, "phone", Phone);
        var email = Emails.NormalizeOrReport(errors, "email", Email);
        if (phone is null && email is null && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
        {
            errors.Add("phone", "a phone or an email is required");
        }

        var language = Languages.NormalizeOrReport(errors, "language", Language);
        var prefers = string.IsNullOrWhiteSpace(Prefers) ? null : Prefers.Trim().ToLowerInvariant();
        if (prefers is not (null or ContactChannels.WhatsApp))
        {
            errors.Add("prefers", ContactChannels.Rule);
        }
        else if (prefers is not null && phone is null)
        {
            errors.Add("prefers", "whatsapp needs a phone");
        }

        return errors.Any ? null : new Contact(contactId, region!, name!, role, tier, phone, email, language, Active ?? true) { Prefers = prefers };
    }
}
