using System.Reflection;
using Verivius.Domain.History;

namespace Verivius.Tests.Domain;

public class ChangeLogChainTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ChainKey Key = ChainKey.New();

    private static List<ChangeLogEntry> Chain(int length, ChainKey? key = null, List<ChangeLogEntry>? start = null)
    {
        var entries = start ?? [];
        for (var i = 0; i < length; i++)
        {
            entries.Add(new ChangeLogEntry(entries.LastOrDefault(), Noon.AddMinutes(entries.Count), "rm@site.example", "Sites", $$"""{"Id":"{{entries.Count}}"}""",
                ChangeOperation.Update, """{"Name":"Old"}""", """{"Name":"New"}""", key ?? Key));
        }

        return entries;
    }

    private static void Tamper(ChangeLogEntry entry, string property, object value) =>
        typeof(ChangeLogEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);

    [Fact]
    public void UntouchedChain_Verifies()
    {
        var chain = Chain(5);

        Assert.Null(ChangeLogChain.Verify(chain, Key));
        Assert.Equal(ChangeLogChain.GenesisHash, chain[0].PreviousHash);
        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Sequence));
        Assert.All(chain, e => Assert.True(e.Keyed));
    }

    [Fact]
    public void ChangedContent_IsFoundAtThatEntry()
    {
        var chain = Chain(5);
        Tamper(chain[2], nameof(ChangeLogEntry.After), """{"Name":"Quietly changed"}""");

        var broken = ChangeLogChain.Verify(chain, Key);

        Assert.Equal(3, broken!.Sequence);
        Assert.Contains("changed after it was written", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovedEntry_IsFoundAsAGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var broken = ChangeLogChain.Verify(chain, Key);

        Assert.Equal(2, broken!.Sequence);
        Assert.Contains("missing", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditWithEveryLaterSealRecomputed_WithoutTheKey_IsFound()
    {
        // Someone with the database but not the key edits entry 2 and rebuilds the chain from there under a key of their own.
        var chain = Chain(4);
        var theirs = ChainKey.New();
        Tamper(chain[1], nameof(ChangeLogEntry.Actor), "someone else");
        for (var i = 1; i < chain.Count; i++)
        {
            Tamper(chain[i], nameof(ChangeLogEntry.PreviousHash), chain[i - 1].Hash);
            Tamper(chain[i], nameof(ChangeLogEntry.Hash), ChangeLogChain.SealOf(chain[i], theirs));
        }

        Assert.Equal(2, ChangeLogChain.Verify(chain, Key)!.Sequence);
    }

    [Fact]
    public void EntriesFromBeforeTheKey_StillVerify_ButNoneMayFollowASealedOne()
    {
        var chain = Chain(3);
        foreach (var entry in chain)
        {
            Tamper(entry, nameof(ChangeLogEntry.Keyed), false);
            Tamper(entry, nameof(ChangeLogEntry.PreviousHash), entry.Sequence == 1 ? ChangeLogChain.GenesisHash : chain[(int)entry.Sequence - 2].Hash);
            Tamper(entry, nameof(ChangeLogEntry.Hash), ChangeLogChain.UnkeyedHashOf(entry));
        }

        Chain(2, start: chain);
        Assert.Null(ChangeLogChain.Verify(chain, Key));

        // An unsealed entry after sealed ones is a forgery by someone without the key.
        var forged = chain[4];
        Tamper(forged, nameof(ChangeLogEntry.Keyed), false);
        Tamper(forged, nameof(ChangeLogEntry.Hash), ChangeLogChain.UnkeyedHashOf(forged));

        var broken = ChangeLogChain.Verify(chain, Key);
        Assert.Equal(5, broken!.Sequence);
        Assert.Contains("not sealed with the log's key", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_DependsOnEveryField()
    {
        var entry = Chain(1)[0];
        var original = entry.Hash;

        Tamper(entry, nameof(ChangeLogEntry.At), Noon.AddTicks(1));

        Assert.NotEqual(original, ChangeLogChain.SealOf(entry, Key));
    }

    [Fact]
    public void ACheckpoint_FindsTruncationAndARewrite_AndAForgedOneIsNotGenuine()
    {
        var chain = Chain(6);
        var checkpoint = new HistoryCheckpoint(chain[4], Noon, Key);

        Assert.True(checkpoint.IsGenuine(Key));
        Assert.False(checkpoint.IsGenuine(ChainKey.New()));
        Assert.Null(HistoryCheckpoint.Disagreement(checkpoint.Reference, 6, chain[4].Hash));
        Assert.Contains("the log now ends at entry 3: entries were removed from its end", HistoryCheckpoint.Disagreement(checkpoint.Reference, 3, null), StringComparison.Ordinal);
        Assert.Contains("entry 5 is not the entry the checkpoint saw", HistoryCheckpoint.Disagreement(checkpoint.Reference, 6, ChainKey.New().Seal("rewritten")), StringComparison.Ordinal);
        Assert.Contains("is not a checkpoint reference", HistoryCheckpoint.Disagreement("five", 6, null), StringComparison.Ordinal);
    }
}
