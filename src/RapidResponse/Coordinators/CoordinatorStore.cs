using Azure;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Coordinators;

/// <summary>
/// The <c>Coordinators</c> table. Names are encrypted when a data key is configured (<see cref="FieldCipher"/>).
/// Nothing is cached: every request reads its account's row, so a rotation or revocation holds on the next request,
/// on every instance.
/// </summary>
public sealed class CoordinatorStore(TableClient table, FieldCipher? cipher = null)
{
    private readonly FieldCipher cipher = cipher ?? FieldCipher.None;

    public async Task<Coordinator?> GetAsync(string coordinatorId, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(coordinatorId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<CoordinatorEntity>(CoordinatorEntity.Partition, coordinatorId, cancellationToken: cancellationToken);
        return response.HasValue ? Opened(response.Value!.ToCoordinator()) : null;
    }

    public async Task<IReadOnlyList<Coordinator>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Coordinator>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CoordinatorEntity.Partition}");
        await foreach (var entity in table.QueryAsync<CoordinatorEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(Opened(entity.ToCoordinator()));
        }

        return list;
    }

    public async Task AddAsync(Coordinator coordinator, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(Sealed(coordinator), cancellationToken);

    /// <summary>Sets only the token hash and the revoked flag.</summary>
    public Task SetTokenAsync(string coordinatorId, string tokenHash, bool revoked, CancellationToken cancellationToken) =>
        MergeAsync(coordinatorId, new()
        {
            [nameof(CoordinatorEntity.TokenHash)] = tokenHash,
            [nameof(CoordinatorEntity.Revoked)] = revoked,
        }, cancellationToken);

    /// <summary>Sets only the role and the regions (never the token, so a change racing a rotation cannot undo it).</summary>
    public Task SetAccessAsync(string coordinatorId, CoordinatorRole role, IReadOnlyList<string> regions, CancellationToken cancellationToken) =>
        MergeAsync(coordinatorId, new()
        {
            [nameof(CoordinatorEntity.Role)] = role.ToWire(),
            [nameof(CoordinatorEntity.Regions)] = string.Join(',', regions),
        }, cancellationToken);

    private async Task MergeAsync(string coordinatorId, Dictionary<string, object> values, CancellationToken cancellationToken) =>
        await table.UpdateEntityAsync(
            new TableEntity(values) { PartitionKey = CoordinatorEntity.Partition, RowKey = coordinatorId }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    private CoordinatorEntity Sealed(Coordinator coordinator) =>
        CoordinatorEntity.From(coordinator with { Name = Row(coordinator.Id).SealText(nameof(CoordinatorEntity.Name), coordinator.Name) });

    private Coordinator Opened(Coordinator coordinator) =>
        coordinator with { Name = Row(coordinator.Id).OpenText(nameof(CoordinatorEntity.Name), coordinator.Name) };

    // The name is bound to its row and column (FieldCipher's associated data), so it cannot be moved to another account.
    private RowCipher Row(string coordinatorId) => cipher.For(Storage.TableNames.Coordinators, CoordinatorEntity.Partition, coordinatorId);
}
