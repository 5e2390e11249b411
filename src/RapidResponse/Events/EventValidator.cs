using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Organizers;

namespace RapidResponse.Events;

/// <summary>The rules an event registration must keep, each broken rule named by its field.</summary>
public static class EventValidator
{
    public const int MaxNameLength = 120;
    public const int MaxPlaceLength = 200;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    public static Result<RegisteredEvent> Validate(EventRequest request, Organizer organizer, string eventId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var name = errors.RequiredText("name", request.Name, MaxNameLength);
        var region = Region(request.Region, organizer, errors);
        var place = Place(request.Place, errors);
        if (request.StartsAt is not { } startsAt)
        {
            errors.Add("startsAt", "is required");
        }

        if (request.EndsAt is not { } endsAt)
        {
            errors.Add("endsAt", "is required");
        }
        else if (request.StartsAt is { } start && (endsAt <= start || endsAt - start > MaxDuration))
        {
            errors.Add("endsAt", "must be after startsAt, and at most 14 days later");
        }
        else if (endsAt <= now)
        {
            errors.Add("endsAt", "must be in the future: register events ahead");
        }

        var people = People(request.People, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!organizer.Regions.Contains(region!, StringComparer.Ordinal))
        {
            return Problem.Forbidden($"Region '{region}' is not one of this organizer's regions.");
        }

        return new RegisteredEvent(eventId, organizer.Id, name!, region!, place, request.StartsAt!.Value, request.EndsAt!.Value, people, now);
    }

    private static string? Region(string? region, Organizer organizer, FieldErrors errors)
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

    private static Location? Place(EventPlace? place, FieldErrors errors)
    {
        if (place is null)
        {
            return null;
        }

        if (place.Lat is { } lat && (lat < -90 || lat > 90 || double.IsNaN(lat)))
        {
            errors.Add("place.lat", "must be between -90 and 90");
        }

        if (place.Lon is { } lon && (lon < -180 || lon > 180 || double.IsNaN(lon)))
        {
            errors.Add("place.lon", "must be between -180 and 180");
        }

        if ((place.Lat is null) != (place.Lon is null))
        {
            errors.Add(place.Lat is null ? "place.lat" : "place.lon", "lat and lon come together");
        }

        var text = errors.OptionalText("place.text", place.Text, MaxPlaceLength);
        return text is null && place.Lat is null ? null : new Location(place.Lat, place.Lon, null, text);
    }

    private static IReadOnlyList<Person> People(IReadOnlyList<PanicPerson?>? people, FieldErrors errors)
    {
        if (people is null)
        {
            return [];
        }

        if (people.Count > PanicValidator.MaxPeople)
        {
            errors.Add("people", $"at most {PanicValidator.MaxPeople} people");
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
