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
    DateOnly? ClosedOn);
