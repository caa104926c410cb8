namespace Verivius.Domain.Evidence;

/// <summary>A complaint, its response, and whether its learning reached the care plan.</summary>
public sealed class Complaint : SiteRecord, IEvidence
{
    private Complaint()
    {
    }

    public Complaint(Guid siteId, ComplaintDetails details)
        : base(siteId, details.ComplaintRef) => Details = details;

    public ComplaintDetails Details { get; private set; } = null!;

    public Guid? ActionId { get; private set; }

    public override RecordKind Kind => RecordKind.Complaints;

    public EvidenceCategory Category => EvidenceCategory.PeoplesExperience;

    public DateOnly EvidenceDate => Details.ReceivedOn;

    public void Record(ComplaintDetails details, Guid? actionId)
    {
        Details = details;
        ActionId = actionId;
    }
}

public sealed record ComplaintDetails(
    string ComplaintRef,
    DateOnly ReceivedOn,
    string Theme,
    DateOnly? RespondedOn,
    ComplaintOutcome? Outcome,
    string? Learning,
    bool? CarePlanUpdateRequired,
    DateOnly? CarePlanUpdatedOn,
    string? ActionRef)
{
    public static ComplaintDetails Read(IRowCells r) => new(
        r.RequiredText("ComplaintRef"), r.RequiredDate("ReceivedOn"), r.RequiredText("Theme"), r.Date("RespondedOn"), r.Choice<ComplaintOutcome>("Outcome"),
        r.Text("Learning"), r.YesNo("CarePlanUpdateRequired"), r.Date("CarePlanUpdatedOn"), r.Text("ActionRef"));
}
