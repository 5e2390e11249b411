namespace RapidResponse.Security;

/// <summary>One entry of an exported record, as hashed.</summary>
public sealed record RecordEntry(long Seq, string At, string Kind, string Text, string PrevHash, string Hash);

/// <summary>The outcome of a check: valid, or the first entry (by position) that breaks the chain and why.</summary>
public sealed record RecordCheck(bool Valid, long? Entry, string? Reason)
{
    public static readonly RecordCheck Ok = new(true, null, null);

    public static RecordCheck Broken(long entry, string reason) => new(false, entry, reason);
}

/// <summary>
/// Checks an exported record (<c>GET /api/alerts/{id}/record</c>): entries numbered 1..n in order, each linked to the
/// one before, each hash recomputed from its content, and the last one equal to the head. An edited, removed,
/// reordered or forged entry breaks one of these and is named. See docs/SECURITY.md for the same check in a few lines.
/// </summary>
public static class RecordVerifier
{
    /// <param name="entries">The entries in the order exported.</param>
    /// <param name="headSeq">How many entries the chain holds, as exported or as known from an earlier copy.</param>
    /// <param name="headHash">The last entry's hash, as exported or (stronger) as saved from an earlier export.</param>
    public static RecordCheck Verify(IReadOnlyList<RecordEntry> entries, long headSeq, string headHash)
    {
        var previous = RecordChain.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Seq != i + 1)
            {
                return RecordCheck.Broken(i + 1, $"position {i + 1} holds entry {entry.Seq}: an entry was removed, inserted or moved");
            }

            if (!string.Equals(entry.PrevHash, previous, StringComparison.Ordinal))
            {
                return RecordCheck.Broken(entry.Seq, "its prevHash is not the hash of the entry before it");
            }

            if (!string.Equals(RecordChain.Hash(previous, entry.Seq, entry.At, entry.Kind, entry.Text), entry.Hash, StringComparison.Ordinal))
            {
                return RecordCheck.Broken(entry.Seq, "its content does not match its hash: it was edited");
            }

            previous = entry.Hash;
        }

        if (entries.Count != headSeq)
        {
            return RecordCheck.Broken(Math.Min(entries.Count, headSeq) + 1, $"the head says {headSeq} entries, the record holds {entries.Count}");
        }

        return string.Equals(previous, headHash, StringComparison.Ordinal)
            ? RecordCheck.Ok
            : RecordCheck.Broken(entries.Count, "the last entry's hash is not the head's");
    }
}
