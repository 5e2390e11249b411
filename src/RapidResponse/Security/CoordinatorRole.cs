namespace RapidResponse.Security;

/// <summary>What a coordinator account may do, each role including the one before it.</summary>
public enum CoordinatorRole
{
    /// <summary>Sees alerts, contacts and escalation policies of its regions.</summary>
    Viewer = 1,

    /// <summary>Also edits contacts, organizers and escalation policies, and replays parked messages.</summary>
    Coordinator = 2,

    /// <summary>Also manages coordinator accounts, statement templates and country profiles, and reads the audit log.</summary>
    Owner = 3,
}

/// <summary>The roles' names on the wire: <c>viewer</c>, <c>coordinator</c>, <c>owner</c>.</summary>
public static class CoordinatorRoles
{
    public const string Rule = "must be viewer, coordinator or owner";

    public static string ToWire(this CoordinatorRole role) => role switch
    {
        CoordinatorRole.Viewer => "viewer",
        CoordinatorRole.Coordinator => "coordinator",
        _ => "owner",
    };

    public static bool TryParse(string? value, out CoordinatorRole role)
    {
        role = value?.Trim().ToLowerInvariant() switch
        {
            "viewer" => CoordinatorRole.Viewer,
            "coordinator" => CoordinatorRole.Coordinator,
            "owner" => CoordinatorRole.Owner,
            _ => 0,
        };
        return role != 0;
    }
}
