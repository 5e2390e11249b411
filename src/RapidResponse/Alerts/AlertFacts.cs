namespace RapidResponse.Alerts;

/// <summary>The validated facts of a press, before it becomes an <see cref="Alert"/>.</summary>
public sealed record AlertFacts(
    string Region,
    Incident Incident,
    Location? Location,
    string? Message,
    IReadOnlyList<Person> People,
    string? EventName,
    DateTimeOffset OccurredAt,
    bool Silent)
{
    public Alert ToAlert(string id, string organizerId, DateTimeOffset createdAt) =>
        new(id, organizerId, Region, Incident, Location, Message, People, EventName, OccurredAt, createdAt, Silent);
}
