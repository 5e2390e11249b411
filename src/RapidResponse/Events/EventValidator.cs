using RapidResponse.Alerts;
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
        var errors = FieldErrors.For(request);
        var name = errors.RequiredText("name", request.Name, MaxNameLength);
        var region = FactRules.Region(request.Region, organizer, errors);
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

        var people = FactRules.People(request.People, errors);
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

    private static Location? Place(EventPlace? place, FieldErrors errors)
    {
        if (place is null)
        {
            return null;
        }

        FactRules.Coordinates("place", place.Lat, place.Lon, errors);
        var text = errors.OptionalText("place.text", place.Text, MaxPlaceLength);
        return text is null && place.Lat is null ? null : new Location(place.Lat, place.Lon, null, text);
    }
}
