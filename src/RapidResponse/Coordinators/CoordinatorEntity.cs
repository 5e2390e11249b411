using Azure;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Coordinators;

/// <summary>Row of the <c>Coordinators</c> table: partition "coord", row key the account id. Token hash only.</summary>
internal sealed class CoordinatorEntity : ITableEntity
{
    public const string Partition = "coord";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Regions { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool Revoked { get; set; }

    public static CoordinatorEntity From(Coordinator coordinator) => new()
    {
        RowKey = coordinator.Id,
        Name = coordinator.Name,
        Role = coordinator.Role.ToWire(),
        Regions = string.Join(',', coordinator.Regions),
        TokenHash = coordinator.TokenHash,
        CreatedAt = coordinator.CreatedAt,
        Revoked = coordinator.Revoked,
    };

    public Coordinator ToCoordinator() => new(
        RowKey,
        Name,
        CoordinatorRoles.TryParse(Role, out var role) ? role : CoordinatorRole.Viewer,
        Regions.Split(',', StringSplitOptions.RemoveEmptyEntries),
        TokenHash,
        CreatedAt,
        Revoked);
}
