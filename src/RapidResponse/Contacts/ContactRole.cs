namespace RapidResponse.Contacts;

/// <summary>What a contact does for a defender in danger; it picks the first channel.</summary>
public enum ContactRole
{
    Lawyer,
    Ngo,
    Journalist,
    Diplomat,
    Ally,
}

public static class ContactRoles
{
    public const string Rule = "must be one of lawyer, ngo, journalist, diplomat, ally";

    public static bool TryParse(string? value, out ContactRole role) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(value, out _);

    public static string ToWire(this ContactRole role) => role.ToString().ToLowerInvariant();
}
