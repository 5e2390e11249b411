using RapidResponse.Security;

namespace RapidResponse.Alerts;

/// <summary>
/// What the organizer's credential sees of a closed alert: the alert as it stood when it closed, and nothing after.
/// The same rule for a good resolve and a duress resolve, so whoever holds the organizer's phone cannot tell the two
/// apart: the status, the timeline and the exported record all end at the <c>resolved</c> entry. Coordinators (the
/// admin key) see everything.
/// </summary>
public static class OrganizerCut
{
    public const string ResolvedKind = "resolved";

    /// <summary>Whether an entry stamped <paramref name="at"/> is shown on an alert closed at <paramref name="closedAt"/>.</summary>
    public static bool Shows(DateTimeOffset closedAt, DateTimeOffset at, string kind) =>
        at < closedAt || (at == closedAt && kind == ResolvedKind);

    /// <summary>
    /// The record up to and including its resolution: a prefix of the chain, so it still verifies on its own. A
    /// chain without that entry (written before it existed) stops at the first entry from the moment of closing.
    /// </summary>
    public static IReadOnlyList<RecordEntry> Prefix(IReadOnlyList<RecordEntry> entries, DateTimeOffset closedAt)
    {
        var at = RecordChain.FormatAt(closedAt);
        var resolution = entries.ToList().FindIndex(e => e.Kind == ResolvedKind && e.At == at);
        return resolution >= 0
            ? entries.Take(resolution + 1).ToList()
            : entries.TakeWhile(e => string.CompareOrdinal(e.At, at) < 0).ToList();
    }
}
