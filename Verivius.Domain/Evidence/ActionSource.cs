namespace Verivius.Domain.Evidence;

public enum ActionSource
{
    Meeting,
    Incident,
    Complaint,
    Audit,
    Inspection,
    Recovery,
    Feedback,
    Other,
}
