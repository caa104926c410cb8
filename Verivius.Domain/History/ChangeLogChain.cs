using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Verivius.Domain.History;

/// <summary>
/// The chain over the change log: how each link is sealed and how the chain is checked. Entries are
/// sealed with HMAC-SHA256 under the <see cref="ChainKey"/>, which the database does not hold; entries
/// written before the key existed keep their plain SHA-256 links, and none may follow a sealed one.
/// </summary>
public static class ChangeLogChain
{
    /// <summary>What the first entry names as its predecessor.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// Each field on its own line, in a fixed order, instants as UTC ticks, so the same entry always
    /// hashes the same on any machine.
    /// </summary>
    public static string CanonicalOf(ChangeLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join(
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
    }

    /// <summary>The seal of an entry under the key: what its hash must be.</summary>
    public static string SealOf(ChangeLogEntry entry, ChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Seal(CanonicalOf(entry));
    }

    /// <summary>The plain SHA-256 link of an entry written before the log had a key.</summary>
    public static string UnkeyedHashOf(ChangeLogEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalOf(entry))));

    /// <summary>
    /// Walks the log in sequence order and returns the first entry that does not fit: a gap in the
    /// sequence, a link to the wrong predecessor, content that no longer matches its seal (which no one
    /// without the key can recompute), or an unsealed entry after sealed ones.
    /// </summary>
    public static ChainBreak? Verify(IEnumerable<ChangeLogEntry> entriesInSequenceOrder, ChainKey key)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequenceOrder);
        ArgumentNullException.ThrowIfNull(key);
        var expectedSequence = 1L;
        var expectedPrevious = GenesisHash;
        var sealedSoFar = false;
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

            if (sealedSoFar && !entry.Keyed)
            {
                return new ChainBreak(entry.Sequence, $"entry {entry.Sequence} is not sealed with the log's key though the entries before it are: it was written by someone without the key");
            }

            var fits = entry.Keyed ? key.Sealed(CanonicalOf(entry), entry.Hash) : UnkeyedHashOf(entry) == entry.Hash;
            if (!fits)
            {
                return new ChainBreak(entry.Sequence, $"entry {entry.Sequence} was changed after it was written (its content no longer matches its seal)");
            }

            sealedSoFar |= entry.Keyed;
            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}
