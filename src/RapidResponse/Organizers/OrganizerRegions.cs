using RapidResponse.Contacts;
using RapidResponse.Http;

namespace RapidResponse.Organizers;

/// <summary>The regions an organizer may press panic for: at least one, each a region code.</summary>
public static class OrganizerRegions
{
    /// <summary>The regions normalized and without repeats; each bad one is reported by its index.</summary>
    public static IReadOnlyList<string> Check(FieldErrors errors, IReadOnlyList<string>? regions)
    {
        regions ??= [];
        if (regions.Count == 0)
        {
            errors.Add("regions", "at least one region is required, e.g. [\"KZ-SHY\"]");
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!RegionCode.IsValid(regions[i]))
            {
                errors.Add($"regions[{i}]", RegionCode.Rule);
            }
        }

        return errors.Any ? [] : regions.Select(RegionCode.Normalize).Distinct(StringComparer.Ordinal).ToArray();
    }
}
