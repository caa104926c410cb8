namespace Verivius.Domain.Evidence;

/// <summary>A must-do or should-do finding of the latest CQC inspection, and the action taken on it.</summary>
public sealed class InspectionFinding : SiteRecord, IEvidence
{
    private InspectionFinding()
    {
    }

    public InspectionFinding(Guid siteId, FindingDetails details)
        : base(siteId, details.FindingRef) => Details = details;

    public FindingDetails Details { get; private set; } = null!;

    public Guid? ActionId { get; private set; }

    public override RecordKind Kind => RecordKind.Inspection;

    public EvidenceCategory Category => EvidenceCategory.Processes;

    public DateOnly EvidenceDate => Details.InspectedOn;

    public void Record(FindingDetails details, Guid? actionId)
    {
        Details = details;
        ActionId = actionId;
    }
}

public sealed record FindingDetails(string FindingRef, DateOnly InspectedOn, FindingKind Kind, string? Regulation, string Finding, string? ActionRef)
{
    public static FindingDetails Read(IRowCells r) => new(
        r.RequiredText("FindingRef"), r.RequiredDate("InspectedOn"), r.RequiredChoice<FindingKind>("Kind"), r.Text("Regulation"), r.RequiredText("Finding"), r.Text("ActionRef"));
}
