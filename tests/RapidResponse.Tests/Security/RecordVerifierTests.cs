using RapidResponse.Security;

namespace RapidResponse.Tests.Security;

/// <summary>A clean record verifies; each kind of tampering fails the check and names the entry.</summary>
public sealed class RecordVerifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public void CleanRecord_Verifies()
    {
        var entries = Chain(5);

        Assert.Equal(RecordCheck.Ok, RecordVerifier.Verify(entries, 5, entries[^1].Hash));
        Assert.Equal(RecordCheck.Ok, RecordVerifier.Verify([], 0, RecordChain.Genesis));
    }

    [Fact]
    public void EditedEntry_FailsAtThatEntry()
    {
        var entries = Chain(5).ToList();
        entries[2] = entries[2] with { Text = "Lawyer responding (edited)" };

        var check = RecordVerifier.Verify(entries, 5, entries[^1].Hash);

        Assert.Equal((false, 3L), (check.Valid, check.Entry));
        Assert.Contains("edited", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EditedEntryWithItsHashRecomputed_FailsAtTheNextEntry()
    {
        var entries = Chain(5).ToList();
        var edited = entries[2] with { At = RecordChain.FormatAt(Start.AddHours(5)) };
        entries[2] = edited with { Hash = RecordChain.Hash(edited.PrevHash, edited.Seq, edited.At, edited.Kind, edited.Text) };

        Assert.Equal(4L, RecordVerifier.Verify(entries, 5, entries[^1].Hash).Entry);
    }

    [Fact]
    public void RemovedEntry_FailsWhereItWas()
    {
        var entries = Chain(5).ToList();
        entries.RemoveAt(1);

        var check = RecordVerifier.Verify(entries, 5, Chain(5)[^1].Hash);

        Assert.Equal((false, 2L), (check.Valid, check.Entry));
    }

    [Fact]
    public void RemovedLastEntry_FailsAgainstTheHead()
    {
        var entries = Chain(5);

        Assert.Equal(5L, RecordVerifier.Verify(entries.Take(4).ToList(), 5, entries[^1].Hash).Entry);
    }

    [Fact]
    public void ReorderedEntries_Fail()
    {
        var entries = Chain(5).ToList();
        (entries[1], entries[2]) = (entries[2], entries[1]);

        var check = RecordVerifier.Verify(entries, 5, Chain(5)[^1].Hash);

        Assert.Equal((false, 2L), (check.Valid, check.Entry));
    }

    [Fact]
    public void ForgedEntryAppended_FailsEvenWithAWellFormedHash()
    {
        var entries = Chain(5).ToList();
        var head = entries[^1].Hash;
        var at = RecordChain.FormatAt(Start.AddMinutes(30));
        entries.Add(new RecordEntry(6, at, "resolved", "Resolved: released", head, RecordChain.Hash(head, 6, at, "resolved", "Resolved: released")));

        Assert.Equal(6L, RecordVerifier.Verify(entries, 5, head).Entry);
        entries[^1] = entries[^1] with { Hash = new string('a', 64) };
        Assert.Equal(6L, RecordVerifier.Verify(entries, 6, entries[^1].Hash).Entry);
    }

    [Fact]
    public void Hash_IsTheDocumentedFormula()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(RecordChain.Genesis + "\n1\n2026-11-24T10:05:00.000Z\naccepted\nAlert accepted")));

        Assert.Equal(expected, RecordChain.Hash(RecordChain.Genesis, 1, RecordChain.FormatAt(Start), "accepted", "Alert accepted"));
    }

    internal static IReadOnlyList<RecordEntry> Chain(int count)
    {
        var entries = new List<RecordEntry>();
        var previous = RecordChain.Genesis;
        for (var seq = 1; seq <= count; seq++)
        {
            var at = RecordChain.FormatAt(Start.AddSeconds(seq));
            var (kind, text) = seq == 1 ? ("accepted", "Alert accepted") : ("delivery", $"Receipt {seq}: delivered");
            var hash = RecordChain.Hash(previous, seq, at, kind, text);
            entries.Add(new RecordEntry(seq, at, kind, text, previous, hash));
            previous = hash;
        }

        return entries;
    }
}
