using RapidResponse.Contacts;

namespace RapidResponse.Security;

/// <summary>
/// Who is calling a <c>/api/manage</c> route, and the one place that says what they may do: a role
/// (<see cref="ManageActions.MinimumRole"/>) and a scope of regions. A scope entry covers itself and every region whose
/// chain passes through it (<see cref="RegionCode.Chain"/>): <c>KZ</c> covers <c>KZ</c> and <c>KZ-SHY</c>, not
/// <c>KG</c>; <c>INTL</c>, the root of every chain, covers the whole network. Resources of no single region (statement
/// templates, parked messages, accounts scoped wider than the caller) need a scope that covers them all.
/// </summary>
public sealed record CoordinatorCaller(string Actor, CoordinatorRole Role, IReadOnlyList<string> Regions)
{
    /// <summary>How the admin key is named in the audit log.</summary>
    public const string AdminActor = "admin";

    /// <summary>The admin key: the break-glass root, an owner of everything.</summary>
    public static readonly CoordinatorCaller Admin = new(AdminActor, CoordinatorRole.Owner, [RegionCode.International]);

    public bool IsAdmin => ReferenceEquals(this, Admin);

    /// <summary>Whether the role allows the action at all, whatever the region.</summary>
    public bool May(ManageAction action) => Role >= action.MinimumRole();

    /// <summary>Whether the caller may do this to a resource of <paramref name="region"/> (null: of every region).</summary>
    public bool Can(ManageAction action, string? region) => May(action) && Covers(region);

    /// <summary>Whether the caller may do this to a resource spanning all of <paramref name="regions"/> (none: every region).</summary>
    public bool Can(ManageAction action, IReadOnlyCollection<string> regions) =>
        May(action) && (regions.Count == 0 ? Covers(null) : regions.All(Covers));

    /// <summary>Whether <paramref name="region"/> is in scope; null stands for every region.</summary>
    public bool Covers(string? region)
    {
        if (region is null)
        {
            return Regions.Contains(RegionCode.International, StringComparer.Ordinal);
        }

        return RegionCode.IsValid(region) && RegionCode.Chain(region).Any(r => Regions.Contains(r, StringComparer.Ordinal));
    }
}
