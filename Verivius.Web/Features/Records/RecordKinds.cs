using Verivius.Domain.Evidence;

namespace Verivius.Web.Features.Records;

/// <summary>The kinds of record a site page lists, by the slug in their address.</summary>
public static class RecordKinds
{
    public static IReadOnlyList<RecordKindInfo> All { get; } =
    [
        new("recovery", RecordKind.Recovery, "Recovery map", "Risk"),
        new("assurance", RecordKind.Assurance, "Assurance statements", "Statement"),
        new("actions", RecordKind.Actions, "Actions", "Action"),
        new("meetings", RecordKind.Meetings, "Meetings", "Meeting"),
        new("decisions", RecordKind.Decisions, "Decisions", "Decision"),
        new("incidents", RecordKind.Incidents, "Incidents", "Incident"),
        new("complaints", RecordKind.Complaints, "Complaints", "Complaint"),
        new("audits", RecordKind.Audits, "Audits", "Audit"),
        new("staffing", RecordKind.Staffing, "Staffing", "Week"),
        new("feedback", RecordKind.Feedback, "Feedback", "Feedback"),
        new("inspection", RecordKind.Inspection, "Inspection findings", "Finding"),
        new("self-assessment", RecordKind.SelfAssessment, "Self-assessment", "Quality statement"),
        new("attachments", RecordKind.Attachment, "Attachments", "Attachment"),
    ];

    public static RecordKindInfo? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

    public static RecordKindInfo Of(RecordKind kind) => All.Single(k => k.Kind == kind);
}

public sealed record RecordKindInfo(string Slug, RecordKind Kind, string Title, string Singular);
