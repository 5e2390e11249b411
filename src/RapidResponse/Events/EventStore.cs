using Azure.Data.Tables;
using RapidResponse.Storage;

namespace RapidResponse.Events;

/// <summary>
/// The <c>Events</c> table: one partition per organizer, so an organizer's list is one partition query. Names,
/// places and people are sealed with the data key, bound to their row.
/// </summary>
public sealed class EventStore(TableClient table, Security.FieldCipher? cipher = null)
{
    private readonly Security.FieldCipher cipher = cipher ?? Security.FieldCipher.None;

    public async Task AddAsync(RegisteredEvent registered, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(EventEntity.From(registered).Sealed(cipher), cancellationToken);

    /// <summary>The organizer's event with this id; null for a missing one and for another organizer's alike.</summary>
    public async Task<RegisteredEvent?> GetAsync(string organizerId, string eventId, CancellationToken cancellationToken)
    {
        if (!Keys.IsValid(organizerId) || !Keys.IsValid(eventId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<EventEntity>(organizerId, eventId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.Opened(cipher).ToEvent() : null;
    }

    /// <summary>The organizer's events that end after <paramref name="endsAfter"/>.</summary>
    public async Task<IReadOnlyList<RegisteredEvent>> ListAsync(string organizerId, DateTimeOffset endsAfter, CancellationToken cancellationToken)
    {
        var events = new List<RegisteredEvent>();
        var query = table.QueryAsync<EventEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {organizerId} and EndsAt gt {endsAfter}"), cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            events.Add(entity.Opened(cipher).ToEvent());
        }

        return events;
    }
}
