using Azure;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>The <c>Organizers</c> table. Name, regions and phone are encrypted when a data key is configured (<see cref="OrganizerEntity.Sealed"/>).</summary>
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
        return response.HasValue ? response.Value!.Opened(cipher).ToOrganizer() : null;
    }

    /// <summary>Every organizer (one partition): for the coordinators' list.</summary>
    public async Task<IReadOnlyList<Organizer>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Organizer>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OrganizerEntity.Partition}");
        await foreach (var row in table.QueryAsync<OrganizerEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(row.Opened(cipher).ToOrganizer());
        }

        return list;
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

    /// <summary>
    /// After a successful check of <paramref name="code"/> against <paramref name="checkedAgainst"/>'s hash of that
    /// kind, if the hash has an older work factor, stores it re-hashed at today's (<see cref="CodeHasher.Iterations"/>);
    /// a current hash costs nothing more. Only that code's column
    /// is written, on the row's ETag and only while the row still holds the hash that was checked, so a code changed
    /// meanwhile is never overwritten. A lost race or a failed write skips the upgrade: the next check makes it.
    /// </summary>
    public async Task<bool> RehashIfOldAsync(Organizer checkedAgainst, OrganizerCode kind, string code, CancellationToken cancellationToken)
    {
        var (column, checkedHash) = kind switch
        {
            OrganizerCode.Safe => (nameof(OrganizerEntity.SafeCodeHash), checkedAgainst.Codes.SafeCode),
            OrganizerCode.Duress => (nameof(OrganizerEntity.DuressCodeHash), checkedAgainst.Codes.DuressCode),
            _ => (nameof(OrganizerEntity.SmsCodewordHash), checkedAgainst.Codes.SmsCodeword),
        };
        if (!CodeHasher.NeedsRehash(checkedHash))
        {
            return false;
        }

        var organizerId = checkedAgainst.Id;
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(
                OrganizerEntity.Partition, organizerId, [column, nameof(OrganizerEntity.CodeSalt)], cancellationToken);
            if (!row.HasValue || row.Value!.GetString(column) != checkedHash || row.Value.GetString(nameof(OrganizerEntity.CodeSalt)) is not { } salt)
            {
                return false;
            }

            var upgraded = new TableEntity(OrganizerEntity.Partition, organizerId) { [column] = CodeHasher.Hash(code, salt) };
            await table.UpdateEntityAsync(upgraded, row.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    private OrganizerEntity Sealed(Organizer organizer) => OrganizerEntity.From(organizer).Sealed(cipher);

    internal static bool IsConflict(RequestFailedException exception) => exception.Status == 409;
}
