using RapidResponse.Security;

namespace RapidResponse.Coordinators;

/// <summary>A named coordinator account: its role, its scope of regions and its token's hash.</summary>
public sealed record Coordinator(
    string Id,
    string Name,
    CoordinatorRole Role,
    IReadOnlyList<string> Regions,
    string TokenHash,
    DateTimeOffset CreatedAt,
    bool Revoked = false)
{
    /// <summary>The account as a caller of the manage routes.</summary>
    public CoordinatorCaller ToCaller() => new(Id, Role, Regions);
}
