using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Organizers;

namespace RapidResponse.Alerts;

/// <summary>The rules shared by everything that states facts about people in danger: a press and an event registered ahead.</summary>
public static class FactRules
{
    public const int MaxPeople = 20;

    /// <summary>The region given, or the organizer's only one; reported when missing among several, or malformed.</summary>
    public static string? Region(string? region, Organizer organizer, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            if (organizer.Regions.Count == 1)
            {
                return organizer.Regions[0];
            }

            errors.Add("region", "is required: this organizer has several regions (" + string.Join(", ", organizer.Regions) + ")");
            return null;
        }

        if (!RegionCode.IsValid(region))
        {
            errors.Add("region", RegionCode.Rule);
            return null;
        }

        return RegionCode.Normalize(region);
    }

    /// <summary>Latitude and longitude on the planet, and together or not at all (fields <c>{prefix}.lat</c>, <c>{prefix}.lon</c>).</summary>
    public static void Coordinates(string prefix, double? lat, double? lon, FieldErrors errors)
    {
        if (lat is { } latitude && (latitude < -90 || latitude > 90 || double.IsNaN(latitude)))
        {
            errors.Add(prefix + ".lat", "must be between -90 and 90");
        }

        if (lon is { } longitude && (longitude < -180 || longitude > 180 || double.IsNaN(longitude)))
        {
            errors.Add(prefix + ".lon", "must be between -180 and 180");
        }

        if ((lat is null) != (lon is null))
        {
            errors.Add(prefix + (lat is null ? ".lat" : ".lon"), "lat and lon come together");
        }
    }

    /// <summary>The people at risk, each with a name, and their consent to be named in public (default: not given).</summary>
    public static IReadOnlyList<Person> People(IReadOnlyList<PanicPerson?>? people, FieldErrors errors)
    {
        if (people is null)
        {
            return [];
        }

        if (people.Count > MaxPeople)
        {
            errors.Add("people", $"at most {MaxPeople} people");
            return [];
        }

        var valid = new List<Person>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            if (people[i] is not { } person)
            {
                errors.Add($"people[{i}]", "must be an object with a name");
                continue;
            }

            var name = errors.RequiredText($"people[{i}].name", person.Name, 100);
            var role = errors.OptionalText($"people[{i}].role", person.Role, 60);
            if (name is not null)
            {
                valid.Add(new Person(name, role, person.PublicName ?? false));
            }
        }

        return valid;
    }
}
