using System.Reflection;
using Verivius.Domain.History;

namespace Verivius.Tests.Domain;

public class ChangeLogChainTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private static List<ChangeLogEntry> Chain(int length)
    {
        var entries = new List<ChangeLogEntry>();
        for (var i = 0; i < length; i++)
        {
            entries.Add(new ChangeLogEntry(entries.LastOrDefault(), Noon.AddMinutes(i), "rm@site.example", "Sites", $$"""{"Id":"{{i}}"}""",
                ChangeOperation.Update, """{"Name":"Old"}""", """{"Name":"New"}"""));
        }

        return entries;
    }

    private static void Tamper(ChangeLogEntry entry, string property, object value) =>
        typeof(ChangeLogEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);

    [Fact]
    public void UntouchedChain_Verifies()
    {
        var chain = Chain(5);

        Assert.Null(ChangeLogChain.Verify(chain));
        Assert.Equal(ChangeLogChain.GenesisHash, chain[0].PreviousHash);
        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Sequence));
    }

    [Fact]
    public void ChangedContent_IsFoundAtThatEntry()
    {
        var chain = Chain(5);
        Tamper(chain[2], nameof(ChangeLogEntry.After), """{"Name":"Quietly changed"}""");

        var broken = ChangeLogChain.Verify(chain);

        Assert.Equal(3, broken!.Sequence);
        Assert.Contains("changed after it was written", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovedEntry_IsFoundAsAGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var broken = ChangeLogChain.Verify(chain);

        Assert.Equal(2, broken!.Sequence);
        Assert.Contains("missing", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RehashedEntry_StillBreaksTheLinkToTheNextOne()
    {
        // Someone who edits an entry and recomputes its hash must rewrite every later entry too.
        var chain = Chain(4);
        Tamper(chain[1], nameof(ChangeLogEntry.Actor), "someone else");
        Tamper(chain[1], nameof(ChangeLogEntry.Hash), ChangeLogChain.HashOf(chain[1]));

        Assert.Equal(3, ChangeLogChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void Hash_DependsOnEveryField()
    {
        var entry = Chain(1)[0];
        var original = entry.Hash;

        Tamper(entry, nameof(ChangeLogEntry.At), Noon.AddTicks(1));

        Assert.NotEqual(original, ChangeLogChain.HashOf(entry));
    }
}
