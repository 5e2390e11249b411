using RapidResponse.Alerts;

namespace RapidResponse.Events;

/// <summary>The body of <c>POST /api/events</c>: an upcoming event, registered ahead so a press needs nothing typed.</summary>
public sealed record EventRequest(
    string? Name,
    string? Region,
    EventPlace? Place,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<PanicPerson?>? People);

/// <summary>Where the event is: the words the organizer would say, and coordinates when picked.</summary>
public sealed record EventPlace(string? Text, double? Lat, double? Lon);
