using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Audit;

/// <summary>
/// Rows of the <c>Audit</c> table: partition <c>{yyyy-MM-dd}.{actor}</c> (one hash chain per actor and UTC day, so
/// appends by different coordinators never race and a day's chains verify on their own), row key <c>e{seq:D10}</c>,
/// plus the chain-head row <c>chain</c>.
/// </summary>
internal sealed class AuditEntity : ITableEntity
{
    public const string Prefix = "e";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Entity { get; set; } = "";
    public string? Region { get; set; }
    public string Fields { get; set; } = "";
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static string RowKeyOf(long seq) => Prefix + seq.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public static AuditEntity From(AuditEntry entry) => new()
    {
        PartitionKey = entry.Chain,
        RowKey = RowKeyOf(entry.Seq),
        Seq = entry.Seq,
        At = entry.At,
        Actor = entry.Actor,
        Action = entry.Action,
        Entity = entry.Entity,
        Region = entry.Region,
        Fields = string.Join(',', entry.Fields),
        PrevHash = entry.PrevHash,
        Hash = entry.Hash,
    };

    public AuditEntry ToEntry() => new(
        PartitionKey, Seq, At, Actor, Action, Entity, Region, Fields.Split(',', StringSplitOptions.RemoveEmptyEntries), PrevHash, Hash);
}

