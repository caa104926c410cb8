namespace Verivius.Domain.History;

/// <summary>
/// One change to one record, as it happened: append-only and chained to the entry before it by a seal
/// under the log's key, so that an entry changed or removed after the fact is found by
/// <see cref="ChangeLogChain.Verify"/>.
/// </summary>
public sealed class ChangeLogEntry
{
    private ChangeLogEntry()
    {
    }

    /// <summary>Writes the next link of the chain, sealed under the key.</summary>
    /// <param name="previous">The last entry so far, or null for the first entry of the log.</param>
    public ChangeLogEntry(
        ChangeLogEntry? previous,
        DateTimeOffset at,
        string actor,
        string entity,
        string entityKey,
        ChangeOperation operation,
        string? before,
        string? after,
        ChainKey key)
    {
        Sequence = (previous?.Sequence ?? 0) + 1;
        At = ChainTime.Of(at);
        Actor = actor;
        Entity = entity;
        EntityKey = entityKey;
        Operation = operation;
        Before = before;
        After = after;
        PreviousHash = previous?.Hash ?? ChangeLogChain.GenesisHash;
        Keyed = true;
        Hash = ChangeLogChain.SealOf(this, key);
    }

    /// <summary>Position in the log, from 1 without gaps; also the key, so a forked chain cannot be saved.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    public string Entity { get; private set; } = "";

    /// <summary>The record's primary key as JSON.</summary>
    public string EntityKey { get; private set; } = "";

    public ChangeOperation Operation { get; private set; }

    /// <summary>The record's values before the change as JSON; null for an insert.</summary>
    public string? Before { get; private set; }

    /// <summary>The record's values after the change as JSON; null for a delete.</summary>
    public string? After { get; private set; }

    public string PreviousHash { get; private set; } = "";

    /// <summary>Whether <see cref="Hash"/> is a seal under the log's key (every entry since the key was introduced) or a plain SHA-256 link.</summary>
    public bool Keyed { get; private set; }

    public string Hash { get; private set; } = "";
}
