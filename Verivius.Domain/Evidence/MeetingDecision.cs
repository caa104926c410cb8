namespace Verivius.Domain.Evidence;

/// <summary>A decision recorded in a meeting's minutes, and the action that carries it out.</summary>
public sealed class MeetingDecision : SiteRecord, IEvidence
{
    private MeetingDecision()
    {
    }

    public MeetingDecision(Guid siteId, DecisionDetails details)
        : base(siteId, details.DecisionRef) => Details = details;

    public DecisionDetails Details { get; private set; } = null!;

    public Guid MeetingId { get; private set; }

    /// <summary>The day of the meeting that made the decision, which is the decision's evidence date.</summary>
    public DateOnly MadeOn { get; private set; }

    public Guid? ActionId { get; private set; }

    public override RecordKind Kind => RecordKind.Decisions;

    public EvidenceCategory Category => EvidenceCategory.Processes;

    public DateOnly EvidenceDate => MadeOn;

    public void Record(DecisionDetails details, GovernanceMeeting meeting, Guid? actionId)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        Details = details;
        MeetingId = meeting.Id;
        MadeOn = meeting.Details.HeldOn;
        ActionId = actionId;
    }
}

public sealed record DecisionDetails(string MeetingRef, string DecisionRef, string Decision, string? ActionRef, string? Owner, DateOnly? ReviewOn)
{
    public static DecisionDetails Read(IRowCells r) => new(
        r.RequiredText("MeetingRef"), r.RequiredText("DecisionRef"), r.RequiredText("Decision"), r.Text("ActionRef"), r.Text("Owner"), r.Date("ReviewOn"));
}
