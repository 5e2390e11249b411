namespace RapidResponse.Security;

/// <summary>
/// An organizer's bearer token: <c>{organizerId}.{secret}</c>. The id makes the lookup a point read;
/// only the secret's hash is stored.
/// </summary>
public readonly record struct OrganizerToken(string OrganizerId, string Secret)
{
    public static OrganizerToken Issue(string organizerId) => new(organizerId, SecretHasher.NewSecret());

    public static bool TryParse(string? value, out OrganizerToken token)
    {
        token = default;
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == value.Length - 1)
        {
            return false;
        }

        token = new OrganizerToken(value[..dot], value[(dot + 1)..]);
        return true;
    }

    public override string ToString() => $"{OrganizerId}.{Secret}";
}
