using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>What each column of the format holds, for the template's formats and drop-downs.</summary>
public static class ColumnKinds
{
    private static readonly Dictionary<(string Sheet, string Column), Type> Choices = new()
    {
        [("Actions", "Source")] = typeof(ActionSource),
        [("Actions", "Status")] = typeof(ActionStatus),
        [("Actions", "Area")] = typeof(AssuranceArea),
        [("Meetings", "Type")] = typeof(MeetingType),
        [("Incidents", "Category")] = typeof(IncidentCategory),
        [("Incidents", "Severity")] = typeof(Severity),
        [("Incidents", "NotificationType")] = typeof(NotificationType),
        [("Incidents", "Status")] = typeof(IncidentStatus),
        [("Complaints", "Outcome")] = typeof(ComplaintOutcome),
        [("Audits", "ThemeResult")] = typeof(ThemeResult),
        [("Audits", "Area")] = typeof(AssuranceArea),
        [("Supervision", "Type")] = typeof(SupervisionType),
        [("Feedback", "From")] = typeof(FeedbackSource),
        [("Feedback", "Sentiment")] = typeof(Sentiment),
        [("Inspection", "Kind")] = typeof(FindingKind),
        [("Assurance", "Area")] = typeof(AssuranceArea),
        [("Assurance", "Rating")] = typeof(RagRating),
        [("Assurance", "Confidence")] = typeof(Confidence),
        [("Recovery", "Area")] = typeof(AssuranceArea),
        [("Recovery", "Trend")] = typeof(RiskTrend),
        [("SelfAssessment", "Rating")] = typeof(QualityRating),
    };

    private static readonly HashSet<string> YesNoColumns = ["CqcNotifiable", "CandourApplies", "ApologyGiven", "CarePlanUpdateRequired", "Mandatory"];

    private static readonly HashSet<string> NumberColumns =
        ["ScorePercent", "ShiftsPlanned", "ShiftsUnfilled", "AgencyHours", "TotalHours", "MissedCare", "LateCare", "Starters", "Leavers", "Vacancies"];

    /// <summary>The values a choice column takes, or null when the column is not a choice.</summary>
    public static IReadOnlyList<string>? ChoicesOf(string sheet, string column) =>
        Choices.TryGetValue((sheet, column), out var type) ? Enum.GetNames(type) : null;

    public static bool IsDate(string column) => column.EndsWith("On", StringComparison.Ordinal) || column == "WeekStarting";

    public static bool IsYesNo(string column) => YesNoColumns.Contains(column);

    public static bool IsNumber(string column) => NumberColumns.Contains(column);
}
