namespace Verivius.Domain.Evidence;

/// <summary>An incident with its CQC notification and duty-of-candour steps.</summary>
public sealed class Incident : SiteRecord, IEvidence
{
    private Incident()
    {
    }

    public Incident(Guid siteId, IncidentDetails details)
        : base(siteId, details.IncidentRef) => Details = details;

    public IncidentDetails Details { get; private set; } = null!;

    public Guid? ActionId { get; private set; }

    public override RecordKind Kind => RecordKind.Incidents;

    public EvidenceCategory Category => EvidenceCategory.Outcomes;

    public DateOnly EvidenceDate => Details.OccurredOn;

    public void Record(IncidentDetails details, Guid? actionId)
    {
        Details = details;
        ActionId = actionId;
    }
}

public sealed record IncidentDetails(
    string IncidentRef,
    DateOnly OccurredOn,
    IncidentCategory Category,
    Severity Severity,
    bool CqcNotifiable,
    NotificationType? NotificationType,
    DateOnly? NotificationSentOn,
    bool CandourApplies,
    DateOnly? CandourInPersonOn,
    bool? ApologyGiven,
    DateOnly? CandourWrittenOn,
    string? ActionRef,
    IncidentStatus Status,
    DateOnly? ClosedOn)
{
    /// <summary>Reads an Incidents row; a notifiable incident needs its notification type, a closed one its closing day.</summary>
    public static IncidentDetails Read(IRowCells r)
    {
        var notifiable = r.RequiredYesNo("CqcNotifiable");
        var type = r.Choice<NotificationType>("NotificationType");
        var status = r.RequiredChoice<IncidentStatus>("Status");
        var closed = r.Date("ClosedOn");
        var details = new IncidentDetails(
            r.RequiredText("IncidentRef"), r.RequiredDate("OccurredOn"), r.RequiredChoice<IncidentCategory>("Category"), r.RequiredChoice<Severity>("Severity"),
            notifiable, type, r.Date("NotificationSentOn"), r.RequiredYesNo("CandourApplies"), r.Date("CandourInPersonOn"), r.YesNo("ApologyGiven"),
            r.Date("CandourWrittenOn"), r.Text("ActionRef"), status, closed);
        if (notifiable && type is null && !r.Failed)
        {
            r.Problem("NotificationType", $"the incident is CQC-notifiable, so it needs a notification type: {r.Options<NotificationType>()}");
        }

        if (status == IncidentStatus.Closed && closed is null && !r.Failed)
        {
            r.Problem("ClosedOn", "the incident is Closed, so ClosedOn needs the date it was closed");
        }

        return details;
    }
}
