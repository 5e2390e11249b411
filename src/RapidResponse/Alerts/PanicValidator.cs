using RapidResponse.Events;
using RapidResponse.Http;
using RapidResponse.Organizers;

namespace RapidResponse.Alerts;

/// <summary>The rules a panic press must keep, each broken rule named by its field.</summary>
public static class PanicValidator
{
    public const int MaxMessageLength = 500;
    public const int MaxPeople = FactRules.MaxPeople;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>
    /// The facts of the alert, a 422 naming every bad field, or a 403 for a region outside the organizer's scope.
    /// <paramref name="registered"/> is the organizer's event named by <c>eventId</c> (null when there is none):
    /// it fills in what the press leaves out.
    /// </summary>
    public static Result<AlertFacts> Validate(PanicRequest request, Organizer organizer, DateTimeOffset now, RegisteredEvent? registered = null)
    {
        var errors = FieldErrors.For(request);
        if (request.EventId is not null && registered is null)
        {
            errors.Add("eventId", "no registered event of this organizer has this id");
        }
        else if (registered is not null)
        {
            request = registered.Fill(request);
        }

        var region = FactRules.Region(request.Region, organizer, errors);

        if (request.Incident is null)
        {
            errors.Add("incident", "is required; " + Incidents.Rule);
        }
        else if (!Incidents.TryParse(request.Incident, out _))
        {
            errors.Add("incident", Incidents.Rule);
        }

        var location = ValidateLocation(request.Location, errors);
        var message = errors.OptionalText("message", request.Message, MaxMessageLength);
        var eventName = errors.OptionalText("eventName", request.EventName, 120);
        var people = FactRules.People(request.People, errors);

        var occurredAt = request.OccurredAt ?? now;
        if (occurredAt > now + MaxClockSkew)
        {
            errors.Add("occurredAt", "must not be in the future");
        }
        else if (occurredAt < now - MaxAge)
        {
            errors.Add("occurredAt", "must be within the last 7 days");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!organizer.Regions.Contains(region!, StringComparer.Ordinal))
        {
            return Problem.Forbidden($"Region '{region}' is not one of this organizer's regions.");
        }

        Incidents.TryParse(request.Incident, out var incident);
        return new AlertFacts(region!, incident, location, message, people, eventName, occurredAt, request.Silent ?? false);
    }

    private static Location? ValidateLocation(PanicLocation? location, FieldErrors errors)
    {
        if (location is null)
        {
            return null;
        }

        FactRules.Coordinates("location", location.Lat, location.Lon, errors);
        if (location.AccuracyM is { } accuracy && !(accuracy >= 0 && accuracy <= 100_000)) // NaN fails both
        {
            errors.Add("location.accuracyM", "must be between 0 and 100000 metres");
        }

        var text = errors.OptionalText("location.text", location.Text, 200);
        return new Location(location.Lat, location.Lon, location.AccuracyM, text);
    }
}
