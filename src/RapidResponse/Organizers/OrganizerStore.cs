using Azure;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>The <c>Organizers</c> table. The organizer's phone is encrypted when a data key is configured (<see cref="FieldCipher"/>).</summary>
public sealed class OrganizerStore(TableClient table, FieldCipher? cipher = null)
{
    private readonly FieldCipher cipher = cipher ?? FieldCipher.None;

    public async Task<Organizer?> GetAsync(string organizerId, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(organizerId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<OrganizerEntity>(
            OrganizerEntity.Partition, organizerId, cancellationToken: cancellationToken);
        return response.HasValue ? Opened(response.Value!.ToOrganizer()) : null;
    }

    public async Task AddAsync(Organizer organizer, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(Sealed(organizer), cancellationToken);

    /// <summary>
    /// Writes the organizer's settings, keeping the token hash and revoked flag as they are in storage now (a
    /// conditional replace, retried on a race), so a settings write racing a rotation or revocation cannot bring an
    /// old token back.
    /// </summary>
    public async Task ReplaceAsync(Organizer organizer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await table.GetEntityAsync<OrganizerEntity>(OrganizerEntity.Partition, organizer.Id, cancellationToken: cancellationToken);
            var entity = Sealed(organizer with { TokenHash = current.Value.TokenHash, Revoked = current.Value.Revoked });
            try
            {
                await table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
            }
        }
    }

    /// <summary>Sets only the token hash and the revoked flag.</summary>
    public async Task SetTokenAsync(string organizerId, string tokenHash, bool revoked, CancellationToken cancellationToken) =>
        await table.UpdateEntityAsync(
            new TableEntity(OrganizerEntity.Partition, organizerId)
            {
                [nameof(OrganizerEntity.TokenHash)] = tokenHash,
                [nameof(OrganizerEntity.Revoked)] = revoked,
            },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    private OrganizerEntity Sealed(Organizer organizer) => OrganizerEntity.From(organizer with { Phone = cipher.Encrypt(organizer.Phone) });

    private Organizer Opened(Organizer organizer) => organizer with { Phone = cipher.Decrypt(organizer.Phone) };

    internal static bool IsConflict(RequestFailedException exception) => exception.Status == 409;
}
