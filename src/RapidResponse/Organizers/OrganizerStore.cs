using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Organizers;

/// <summary>The <c>Organizers</c> table.</summary>
public sealed class OrganizerStore(TableClient table)
{
    public async Task<Organizer?> GetAsync(string organizerId, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(organizerId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<OrganizerEntity>(
            OrganizerEntity.Partition, organizerId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToOrganizer() : null;
    }

    public async Task AddAsync(Organizer organizer, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(OrganizerEntity.From(organizer), cancellationToken);

    public async Task ReplaceAsync(Organizer organizer, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(OrganizerEntity.From(organizer), TableUpdateMode.Replace, cancellationToken);

    internal static bool IsConflict(RequestFailedException exception) => exception.Status == 409;
}
