namespace RapidResponse.Alerts;

/// <summary>What is happening to the organizer.</summary>
public enum Incident
{
    Attack,
    Detention,
    Raid,
    Threat,
    Ban,
    Other,
}

public static class Incidents
{
    public const string Rule = "must be one of attack, detention, raid, threat, ban, other";

    public static bool TryParse(string? value, out Incident incident)
    {
        incident = default;
        return value is not null
            && value.All(char.IsAsciiLetter)
            && Enum.TryParse(value, ignoreCase: true, out incident);
    }

    public static string ToWire(this Incident incident) => incident.ToString().ToLowerInvariant();
}
