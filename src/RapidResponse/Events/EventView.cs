using RapidResponse.Alerts;

namespace RapidResponse.Events;

/// <summary>An event as its organizer sees it; <see cref="Current"/> tells the page to preselect it.</summary>
public sealed record EventView(
    string EventId,
    string Name,
    string Region,
    EventPlace? Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<PanicPerson> People,
    bool Current)
{
    public static EventView From(RegisteredEvent registered, DateTimeOffset now) => new(
        registered.Id,
        registered.Name,
        registered.Region,
        registered.Place is { } place ? new EventPlace(place.Text, place.Lat, place.Lon) : null,
        registered.StartsAt,
        registered.EndsAt,
        registered.People.Select(p => new PanicPerson(p.Name, p.Role, p.PublicName)).ToList(),
        registered.IsCurrent(now));
}
