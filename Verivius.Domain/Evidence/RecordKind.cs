namespace Verivius.Domain.Evidence;

/// <summary>Every kind of record a site keeps; the names are those of the pack workbook's sheets.</summary>
public enum RecordKind
{
    Actions,
    Meetings,
    Decisions,
    Incidents,
    Complaints,
    Audits,
    Staffing,
    Training,
    Supervision,
    Feedback,
    Inspection,
    Assurance,
    Recovery,
    SelfAssessment,
    Attachment,
}
