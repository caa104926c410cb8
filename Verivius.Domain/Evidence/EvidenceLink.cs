using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>
/// The evidence an assurance statement or a recovery risk cites, resolved at import to the record it
/// names; the reference as written is kept beside it.
/// </summary>
public sealed class EvidenceLink : Entity
{
    private EvidenceLink()
    {
    }

    public EvidenceLink(Guid siteId, RecordLink owner, RecordLink evidence, string writtenAs)
    {
        SiteId = siteId;
        OwnerKind = owner.Kind;
        OwnerId = owner.RecordId;
        EvidenceKind = evidence.Kind;
        EvidenceId = evidence.RecordId;
        WrittenAs = writtenAs;
    }

    public Guid SiteId { get; private set; }

    /// <summary>The kind of the statement or risk that cites the evidence.</summary>
    public RecordKind OwnerKind { get; private set; }

    public Guid OwnerId { get; private set; }

    public RecordKind EvidenceKind { get; private set; }

    public Guid EvidenceId { get; private set; }

    public string WrittenAs { get; private set; } = "";
}
