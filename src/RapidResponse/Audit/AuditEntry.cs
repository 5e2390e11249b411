using RapidResponse.Security;

namespace RapidResponse.Audit;

/// <summary>
/// One line of the audit log: who (a coordinator id, or <c>admin</c>), what action, which entity (its kind and id,
/// never a name, phone or email), the entity's region (or regions, comma-separated), when, and the names of the fields it changed (never their values).
/// </summary>
public sealed record AuditEntry(
    string Chain,
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Entity,
    string? Region,
    IReadOnlyList<string> Fields,
    string PrevHash,
    string Hash)
{
    /// <summary>The entry as the hash chain sees it (<see cref="RecordChain"/>): kind is the action, text the rest, one per line.</summary>
    public RecordEntry ToRecordEntry() => new(Seq, RecordChain.FormatAt(At), Action, Text(Actor, Entity, Region, Fields), PrevHash, Hash);

    /// <summary>Whether the caller's scope covers every region the entry names (<see cref="Regions"/>); none: global.</summary>
    public bool VisibleTo(CoordinatorCaller caller) => Region is null ? caller.Covers(null) : Region.Split(',').All(caller.Covers);

    /// <summary>How an entity of several regions (an organizer, an account) is recorded: <c>KZ,KG</c>.</summary>
    public static string? Regions(IEnumerable<string> regions) => string.Join(',', regions) is { Length: > 0 } joined ? joined : null;

    public static string Text(string actor, string entity, string? region, IReadOnlyList<string> fields) =>
        string.Join('\n', actor, entity, region ?? "", string.Join(',', fields));
}

/// <summary>One change (or read) to record: the action, the entity, its region(s), the names of the fields it touched.</summary>
public sealed record AuditChange(string Action, string Entity, string? Region, IReadOnlyList<string> Fields);

/// <summary>A page of the audit log, oldest first, and the token that reads the next (null at the end).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Continuation);

/// <summary>One chain's check: a chain is one actor's entries of one UTC day.</summary>
public sealed record AuditChainCheck(string Chain, long Entries, string HeadHash, bool Valid, long? BrokenEntry, string? Reason);

/// <summary>The answer of <c>GET /api/manage/audit/verify</c>.</summary>
public sealed record AuditVerification(bool Valid, IReadOnlyList<AuditChainCheck> Chains);
