using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>
/// A record of one site, named by the reference the service chose for it (unique per site and kind,
/// stable across months), so that a later pack updates it instead of adding a twin.
/// </summary>
public abstract class SiteRecord : Entity
{
    public const int MaxRefLength = 100;

    protected SiteRecord()
    {
    }

    protected SiteRecord(Guid siteId, string reference)
    {
        SiteId = siteId;
        Ref = reference.Trim();
    }

    public Guid SiteId { get; private set; }

    public string Ref { get; private set; } = "";

    /// <summary>The pack version that last wrote the record; null when it was kept in the portal.</summary>
    public Guid? PackVersionId { get; private set; }

    public abstract RecordKind Kind { get; }

    public void WrittenBy(Guid? packVersionId) => PackVersionId = packVersionId;
}
