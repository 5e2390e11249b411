using RapidResponse.Alerts;

namespace RapidResponse.Events;

/// <summary>An event an organizer registered ahead: a press during it carries its place, people and name.</summary>
public sealed record RegisteredEvent(
    string Id,
    string OrganizerId,
    string Name,
    string Region,
    Location? Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<Person> People,
    DateTimeOffset CreatedAt)
{
    /// <summary>People gather before the start and trouble often comes after the end: the page preselects the event in that margin too.</summary>
    public static readonly TimeSpan Before = TimeSpan.FromHours(1);
    public static readonly TimeSpan After = TimeSpan.FromHours(2);

    public bool IsCurrent(DateTimeOffset now) => now >= StartsAt - Before && now <= EndsAt + After;

    /// <summary>
    /// The press with what it leaves out taken from the event: region, place (the phone's coordinates win, the
    /// event's words fill in), people and name. What the press says itself always wins.
    /// </summary>
    public PanicRequest Fill(PanicRequest press) => press with
    {
        Region = press.Region ?? Region,
        Location = FillLocation(press.Location),
        People = press.People is { Count: > 0 } ? press.People : People.Select(p => new PanicPerson(p.Name, p.Role, p.PublicName)).ToList(),
        EventName = press.EventName ?? Name,
    };

    private PanicLocation? FillLocation(PanicLocation? pressed) => (pressed, Place) switch
    {
        (null, null) => null,
        (null, { } place) => new PanicLocation(place.Lat, place.Lon, null, place.Text),
        ({ Lat: not null } given, { } place) => given with { Text = given.Text ?? place.Text },
        ({ } given, { } place) => new PanicLocation(place.Lat, place.Lon, null, given.Text ?? place.Text),
        ({ } given, null) => given,
    };
}
