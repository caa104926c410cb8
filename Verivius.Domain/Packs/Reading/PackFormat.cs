namespace Verivius.Domain.Packs.Reading;

/// <summary>The sheets and columns of the monthly pack workbook, format v1 (<c>monthly-pack-format.md</c>).</summary>
public static class PackFormat
{
    public const int Version = 1;

    /// <summary>The most data rows one sheet may hold; a month of a large home is a few hundred.</summary>
    public const int MaxRowsPerSheet = 10_000;

    public static IReadOnlyList<SheetSpec> Sheets { get; } =
    [
        new("Pack", ["Field", "Value"], []),
        new("Actions", ["ActionRef", "Title", "Source", "RaisedOn", "Status"], ["SourceRef", "Owner", "DueOn", "ClosedOn", "Outcome", "EvidenceRef", "Area"]),
        new("Meetings", ["MeetingRef", "HeldOn", "Type"], ["Chair", "Attendees", "MinutesRef"]),
        new("Decisions", ["MeetingRef", "DecisionRef", "Decision"], ["ActionRef", "Owner", "ReviewOn"]),
        new("Incidents", ["IncidentRef", "OccurredOn", "Category", "Severity", "CqcNotifiable", "CandourApplies", "Status"], ["NotificationType", "NotificationSentOn", "CandourInPersonOn", "ApologyGiven", "CandourWrittenOn", "ActionRef", "ClosedOn"]),
        new("Complaints", ["ComplaintRef", "ReceivedOn", "Theme"], ["RespondedOn", "Outcome", "Learning", "CarePlanUpdateRequired", "CarePlanUpdatedOn", "ActionRef"]),
        new("Audits", ["AuditRef", "AuditType", "HeldOn", "ScorePercent", "Theme", "ThemeResult"], ["Area"]),
        new("Staffing", ["WeekStarting", "ShiftsPlanned", "ShiftsUnfilled", "AgencyHours", "TotalHours"], ["MissedCare", "LateCare", "Starters", "Leavers", "Vacancies"]),
        new("Training", ["StaffRef", "Role", "Course", "Mandatory"], ["CompletedOn", "ExpiresOn", "PlannedOn"]),
        new("Supervision", ["StaffRef", "Type", "HeldOn"], []),
        new("Feedback", ["FeedbackRef", "ReceivedOn", "From", "Sentiment", "Theme"], ["YouSaid", "WeDid", "WeDidOn"]),
        new("Inspection", ["FindingRef", "InspectedOn", "Kind", "Finding"], ["Regulation", "ActionRef"]),
        new("Assurance", ["StatementRef", "Area", "Statement", "Rating", "Confidence"], ["EvidenceRefs", "QualityStatement"]),
        new("Recovery", ["RiskRef", "Area", "Risk", "Trend"], ["BaselineIssue", "Target", "CurrentActionRef", "EvidenceSource", "Owner", "ReviewRoute", "ReviewOn", "EvidenceRefs"]),
        new("SelfAssessment", ["QualityStatement", "Rating"], ["Narrative"]),
    ];

    /// <summary>Sheets a workbook may carry that the reader passes over without a warning.</summary>
    public static IReadOnlyList<string> Ignored { get; } = ["Instructions", "Lists"];

    public static SheetSpec Sheet(string name) => Sheets.Single(s => s.Name == name);
}

/// <summary>A sheet of the format: its name and its required and optional columns, in template order.</summary>
public sealed record SheetSpec(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public IEnumerable<string> Columns => Required.Concat(Optional);
}
