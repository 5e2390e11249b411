using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Contacts;

/// <summary>
/// The <c>Contacts</c> table: one partition per region, so a region's list is one query. Names, roles, phones and
/// emails are encrypted when a data key is configured (<see cref="ContactEntity.Sealed"/>).
/// </summary>
public sealed class ContactStore(TableClient table, FieldCipher? cipher = null)
{
    private readonly FieldCipher cipher = cipher ?? FieldCipher.None;

    public async Task PutAsync(Contact contact, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(Sealed(contact), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Stores many contacts, one transaction per region and 100 rows.</summary>
    public async Task PutManyAsync(IEnumerable<Contact> contacts, CancellationToken cancellationToken)
    {
        foreach (var region in contacts.GroupBy(c => c.Region, StringComparer.Ordinal))
        {
            foreach (var chunk in region.Chunk(100))
            {
                var actions = chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Sealed(c)));
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
        }
    }

    public async Task<Contact?> GetAsync(string region, string contactId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<ContactEntity>(region, contactId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.Opened(cipher).ToContact() : null;
    }

    public async Task<IReadOnlyList<Contact>> ListAsync(string region, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {region}"), cancellationToken);

    /// <summary>The active contacts of one tier of a region: who a press (tier 1) or an escalation alerts.</summary>
    /// <remarks>
    /// Filters are written as interpolated strings (escaped by the SDK): its expression overload compiles a delegate
    /// on every call, which cost a third of the host's CPU while presses fanned out.
    /// </remarks>
    public async Task<IReadOnlyList<Contact>> ListActiveAsync(string region, int tier, CancellationToken cancellationToken) =>
        await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {region} and Active eq {true} and Tier eq {tier}"),
            cancellationToken);

    private async Task<IReadOnlyList<Contact>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var contacts = new List<Contact>();
        await foreach (var entity in table.QueryAsync<ContactEntity>(filter, cancellationToken: cancellationToken))
        {
            contacts.Add(entity.Opened(cipher).ToContact());
        }

        return contacts;
    }

    private ContactEntity Sealed(Contact contact) => ContactEntity.From(contact).Sealed(cipher);
}
