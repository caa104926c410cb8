namespace Verivius.Domain.Evidence;

/// <summary>Who does what by when, from which source, and how it was closed.</summary>
public sealed class ImprovementAction : SiteRecord, IEvidence
{
    private ImprovementAction()
    {
    }

    public ImprovementAction(Guid siteId, ActionDetails details)
        : base(siteId, details.ActionRef) => Details = details;

    public ActionDetails Details { get; private set; } = null!;

    public RecordKind? SourceKind { get; private set; }

    public Guid? SourceRecordId { get; private set; }

    public RecordKind? ClosureEvidenceKind { get; private set; }

    public Guid? ClosureEvidenceId { get; private set; }

    /// <summary>The record the action came from, when its source is a record of the site.</summary>
    public RecordLink? SourceRecord => SourceKind is { } kind && SourceRecordId is { } id ? new RecordLink(kind, id) : null;

    /// <summary>The evidence that the action was done.</summary>
    public RecordLink? ClosureEvidence => ClosureEvidenceKind is { } kind && ClosureEvidenceId is { } id ? new RecordLink(kind, id) : null;

    public override RecordKind Kind => RecordKind.Actions;

    public EvidenceCategory Category => EvidenceCategory.Processes;

    /// <summary>A closed action is evidence of its closure; an open one, of being raised.</summary>
    public DateOnly EvidenceDate => Details.Status == ActionStatus.Closed && Details.ClosedOn is { } closed ? closed : Details.RaisedOn;

    public void Record(ActionDetails details, RecordLink? sourceRecord, RecordLink? closureEvidence)
    {
        Details = details;
        SourceKind = sourceRecord?.Kind;
        SourceRecordId = sourceRecord?.RecordId;
        ClosureEvidenceKind = closureEvidence?.Kind;
        ClosureEvidenceId = closureEvidence?.RecordId;
    }
}

public sealed record ActionDetails(
    string ActionRef,
    string Title,
    ActionSource Source,
    string? SourceRef,
    string? Owner,
    DateOnly RaisedOn,
    DateOnly? DueOn,
    ActionStatus Status,
    DateOnly? ClosedOn,
    string? Outcome,
    string? EvidenceRef,
    AssuranceArea? Area)
{
    /// <summary>Reads an Actions row; a closed action needs the day it closed, which cannot be before it was raised.</summary>
    public static ActionDetails Read(IRowCells r)
    {
        var raised = r.RequiredDate("RaisedOn");
        var status = r.RequiredChoice<ActionStatus>("Status");
        var closed = r.Date("ClosedOn");
        var details = new ActionDetails(
            r.RequiredText("ActionRef"), r.RequiredText("Title"), r.RequiredChoice<ActionSource>("Source"), r.Text("SourceRef"),
            r.Text("Owner"), raised, r.Date("DueOn"), status, closed, r.Text("Outcome"), r.Text("EvidenceRef"), r.Choice<AssuranceArea>("Area"));
        if (status == ActionStatus.Closed && closed is null && !r.Failed)
        {
            r.Problem("ClosedOn", "the action is Closed, so ClosedOn needs the date it was closed");
        }

        if (closed < raised && !r.Failed)
        {
            r.Problem("ClosedOn", "the action was closed before it was raised (RaisedOn)");
        }

        return details;
    }
}
