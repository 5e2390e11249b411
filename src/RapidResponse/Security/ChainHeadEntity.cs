using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Security;

/// <summary>
/// The head of a hash chain (row key <c>chain</c> in the chain's partition): its last entry's number and hash, updated
/// over its ETag so concurrent writers never fork the chain. Alerts' timelines and the audit log both keep one.
/// </summary>
internal sealed class ChainHeadEntity : ITableEntity
{
    public const string Row = "chain";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Seq { get; set; }
    public string Hash { get; set; } = "";
}
