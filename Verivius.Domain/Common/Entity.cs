namespace Verivius.Domain.Common;

/// <summary>
/// A record whose creation and last change are stamped with who and when. The stamps are written by
/// the persistence layer when the record is saved, so no feature can forget them.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.NewGuid();

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
