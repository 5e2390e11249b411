using Microsoft.Extensions.Logging;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Storage;

namespace RapidResponse.Events;

/// <summary>An organizer's events: registered ahead, listed while they are still to come or going on.</summary>
public sealed partial class EventRegistry(EventStore store, TimeProvider time, ILogger<EventRegistry> logger)
{
    /// <summary>How long after its end an event is still listed (and so still offered for a late press).</summary>
    public static readonly TimeSpan ListedAfterEnd = TimeSpan.FromDays(1);

    public async Task<Result<EventView>> RegisterAsync(Organizer organizer, EventRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var registered = EventValidator.Validate(request, organizer, Ids.NewId(time), now);
        if (registered.Problem is { } problem)
        {
            return problem;
        }

        await store.AddAsync(registered.Value!, cancellationToken);
        LogRegistered(registered.Value!.Id, registered.Value.Region);
        return EventView.From(registered.Value, now);
    }

    /// <summary>Upcoming and current events, soonest first.</summary>
    public async Task<IReadOnlyList<EventView>> ListAsync(Organizer organizer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var events = await store.ListAsync(organizer.Id, now - ListedAfterEnd, cancellationToken);
        return events.OrderBy(e => e.StartsAt).Select(e => EventView.From(e, now)).ToList();
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Event {EventId} registered in {Region}")]
    private partial void LogRegistered(string eventId, string region);
}
