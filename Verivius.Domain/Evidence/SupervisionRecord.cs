using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>One supervision or appraisal as the month's whole record listed it (a snapshot, like training).</summary>
public sealed class SupervisionRecord : Entity, IEvidence, IMonthlySnapshot
{
    private SupervisionRecord()
    {
    }

    public SupervisionRecord(Guid siteId, DateOnly period, SupervisionDetails details)
    {
        SiteId = siteId;
        Period = period;
        Details = details;
    }

    public Guid SiteId { get; private set; }

    public DateOnly Period { get; private set; }

    public SupervisionDetails Details { get; private set; } = null!;

    public EvidenceCategory Category => EvidenceCategory.StaffAndLeaders;

    public DateOnly EvidenceDate => Details.HeldOn;
}

public sealed record SupervisionDetails(string StaffRef, SupervisionType Type, DateOnly HeldOn)
{
    public static SupervisionDetails Read(IRowCells r) => new(
        r.RequiredText("StaffRef"), r.RequiredChoice<SupervisionType>("Type"), r.RequiredDate("HeldOn"));
}
