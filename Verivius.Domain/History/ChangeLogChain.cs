using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Verivius.Domain.History;

/// <summary>The hash chain over the change log: how each link is computed and how the chain is checked.</summary>
public static class ChangeLogChain
{
    /// <summary>What the first entry names as its predecessor.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// SHA-256 of the previous hash and the entry's canonical content: each field on its own line, in a
    /// fixed order, instants as UTC ticks, so the same entry always hashes the same on any machine.
    /// </summary>
    public static string HashOf(ChangeLogEntry entry)
    {
        var canonical = string.Join(
            '\n',
            entry.PreviousHash,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Entity,
            entry.EntityKey,
            entry.Operation.ToString(),
            entry.Before ?? "\0",
            entry.After ?? "\0");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Walks the log in sequence order and returns the first entry that does not fit: a gap in the
    /// sequence, a link to the wrong predecessor, or content that no longer matches its hash.
    /// </summary>
    public static ChainBreak? Verify(IEnumerable<ChangeLogEntry> entriesInSequenceOrder)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequenceOrder);
        var expectedSequence = 1L;
        var expectedPrevious = GenesisHash;
        foreach (var entry in entriesInSequenceOrder)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new ChainBreak(expectedSequence, $"entry {expectedSequence} is missing (the next entry found is {entry.Sequence})");
            }

            if (entry.PreviousHash != expectedPrevious)
            {
                return new ChainBreak(entry.Sequence, $"entry {entry.Sequence} does not link to the entry before it");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new ChainBreak(entry.Sequence, $"entry {entry.Sequence} was changed after it was written (its content no longer matches its hash)");
            }

            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}
