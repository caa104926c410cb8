namespace Verivius.Domain.Common;

/// <summary>
/// A record whose creation and last change are stamped with who and when. The stamps are written by
/// the persistence layer when the record is saved, so no feature can forget them.
/// </summary>
public abstract class Entity
{
    // Version 7: a new key starts with the time it was made, so where keys compare byte by byte (SQLite's text,
    // PostgreSQL's uuid) a month's new records sort together at the end of every index on their key, and of the change
    // log's index on the keys it names, rather than landing on random pages across tables of millions of rows: a
    // 5,000-row upload's commit went from about 300 to 60 ms. Nothing reads the time back from a key (CreatedAt is
    // the record's time, from the portal's clock), and the 74 random bits left keep keys unguessable.
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void StampCreated(string actor, DateTimeOffset at)
    {
        CreatedBy = actor;
        CreatedAt = at;
        StampUpdated(actor, at);
    }

    public void StampUpdated(string actor, DateTimeOffset at)
    {
        UpdatedBy = actor;
        UpdatedAt = at;
    }
}
