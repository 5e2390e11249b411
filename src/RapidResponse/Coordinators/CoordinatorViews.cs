using RapidResponse.Security;

namespace RapidResponse.Coordinators;

/// <summary><c>POST /api/manage/coordinators</c>: a named account, its role and its scope of regions.</summary>
public sealed record NewCoordinatorRequest(string? Name, string? Role, IReadOnlyList<string>? Regions);

/// <summary><c>PATCH /api/manage/coordinators/{id}</c>: a new role, new regions, or both.</summary>
public sealed record CoordinatorChange(string? Role, IReadOnlyList<string>? Regions);

/// <summary>An account as owners see it: never its token or its hash.</summary>
public sealed record CoordinatorView(string CoordinatorId, string Name, string Role, IReadOnlyList<string> Regions, DateTimeOffset CreatedAt, bool Revoked)
{
    public static CoordinatorView From(Coordinator c) => new(c.Id, c.Name, c.Role.ToWire(), c.Regions, c.CreatedAt, c.Revoked);
}

/// <summary>A new account or a rotated token: the token is shown this once.</summary>
public sealed record NewCoordinatorResponse(string CoordinatorId, string Token, CoordinatorView Coordinator);

/// <summary><c>GET /api/manage/me</c>: who the token is, and what it may do (for a console to show only what works).</summary>
public sealed record ManageMeView(string Actor, string? Name, string Role, IReadOnlyList<string> Regions, bool Admin, IReadOnlyList<string> Permissions)
{
    public static ManageMeView From(CoordinatorCaller caller, string? name) => new(
        caller.Actor,
        name,
        caller.Role.ToWire(),
        caller.Regions,
        caller.IsAdmin,
        Enum.GetValues<ManageAction>().Where(caller.May).Select(a => a.ToWire()).ToList());
}
