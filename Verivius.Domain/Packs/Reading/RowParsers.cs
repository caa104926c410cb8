using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>How each sheet's row becomes a record's details, with the rules that span a row's cells.</summary>
internal static class RowParsers
{
    public static ActionDetails Action(RowReader r)
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

    public static MeetingDetails Meeting(RowReader r) => new(
        r.RequiredText("MeetingRef"), r.RequiredDate("HeldOn"), r.RequiredChoice<MeetingType>("Type"), r.Text("Chair"), r.Text("Attendees"), r.Text("MinutesRef"));

    public static DecisionDetails Decision(RowReader r) => new(
        r.RequiredText("MeetingRef"), r.RequiredText("DecisionRef"), r.RequiredText("Decision"), r.Text("ActionRef"), r.Text("Owner"), r.Date("ReviewOn"));

    public static IncidentDetails Incident(RowReader r)
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
            r.Problem("NotificationType", $"the incident is CQC-notifiable, so it needs a notification type: {RowReader.OneOf(Enum.GetNames<NotificationType>())}");
        }

        if (status == IncidentStatus.Closed && closed is null && !r.Failed)
        {
            r.Problem("ClosedOn", "the incident is Closed, so ClosedOn needs the date it was closed");
        }

        return details;
    }

    public static ComplaintDetails Complaint(RowReader r) => new(
        r.RequiredText("ComplaintRef"), r.RequiredDate("ReceivedOn"), r.RequiredText("Theme"), r.Date("RespondedOn"), r.Choice<ComplaintOutcome>("Outcome"),
        r.Text("Learning"), r.YesNo("CarePlanUpdateRequired"), r.Date("CarePlanUpdatedOn"), r.Text("ActionRef"));

    public static AuditRow AuditRow(RowReader r) => new(
        new AuditDetails(r.RequiredText("AuditRef"), r.RequiredText("AuditType"), r.RequiredDate("HeldOn"), r.Number("ScorePercent", required: true, max: 100) ?? 0),
        new AuditThemeDetails(r.RequiredText("Theme"), r.RequiredChoice<ThemeResult>("ThemeResult"), r.Choice<AssuranceArea>("Area")));

    /// <summary>An audit's headline (type, date, score) is repeated on each of its theme rows and must agree.</summary>
    public static List<Parsed<AuditRow>> CheckAuditsAgree(SheetReading reading, List<Parsed<AuditRow>> rows)
    {
        foreach (var audit in rows.GroupBy(r => r.Details.Audit.AuditRef, StringComparer.OrdinalIgnoreCase))
        {
            var first = audit.First();
            foreach (var other in audit.Skip(1).Where(o => o.Details.Audit with { AuditRef = first.Details.Audit.AuditRef } != first.Details.Audit))
            {
                reading.Errors.Add(new PackIssue(other.Layout.Sheet, other.CellOf("AuditRef"),
                    $"audit {first.Details.Audit.AuditRef} has a different type, date or score here than on row {first.Row}; they must be the same on each of its rows"));
            }
        }

        return rows;
    }

    public static StaffingDetails Staffing(RowReader r)
    {
        var planned = r.RequiredCount("ShiftsPlanned");
        var unfilled = r.RequiredCount("ShiftsUnfilled");
        var details = new StaffingDetails(
            r.RequiredDate("WeekStarting"), planned, unfilled, r.Number("AgencyHours", required: true) ?? 0, r.Number("TotalHours", required: true) ?? 0,
            r.Count("MissedCare"), r.Count("LateCare"), r.Count("Starters"), r.Count("Leavers"), r.Count("Vacancies"));
        if (unfilled > planned && !r.Failed)
        {
            r.Problem("ShiftsUnfilled", $"{unfilled} shifts unfilled is more than the {planned} planned");
        }

        return details;
    }

    public static TrainingDetails Training(RowReader r) => new(
        r.RequiredText("StaffRef"), r.RequiredText("Role"), r.RequiredText("Course"), r.RequiredYesNo("Mandatory"),
        r.Date("CompletedOn"), r.Date("ExpiresOn"), r.Date("PlannedOn"));

    public static SupervisionDetails Supervision(RowReader r) => new(
        r.RequiredText("StaffRef"), r.RequiredChoice<SupervisionType>("Type"), r.RequiredDate("HeldOn"));

    public static FeedbackDetails Feedback(RowReader r) => new(
        r.RequiredText("FeedbackRef"), r.RequiredDate("ReceivedOn"), r.RequiredChoice<FeedbackSource>("From"), r.RequiredChoice<Sentiment>("Sentiment"),
        r.RequiredText("Theme"), r.Text("YouSaid"), r.Text("WeDid"), r.Date("WeDidOn"));

    public static FindingDetails Finding(RowReader r) => new(
        r.RequiredText("FindingRef"), r.RequiredDate("InspectedOn"), r.RequiredChoice<FindingKind>("Kind"), r.Text("Regulation"), r.RequiredText("Finding"), r.Text("ActionRef"));

    public static AssuranceDetails Assurance(RowReader r)
    {
        var details = new AssuranceDetails(
            r.RequiredText("StatementRef"), r.RequiredChoice<AssuranceArea>("Area"), r.RequiredText("Statement"), r.RequiredChoice<RagRating>("Rating"),
            r.RequiredChoice<Confidence>("Confidence"), r.Text("EvidenceRefs"), r.Text("QualityStatement"));
        CheckEvidenceRefs(r, details.EvidenceRefs);
        return details;
    }

    public static RecoveryDetails Recovery(RowReader r)
    {
        var details = new RecoveryDetails(
            r.RequiredText("RiskRef"), r.RequiredChoice<AssuranceArea>("Area"), r.RequiredText("Risk"), r.Text("BaselineIssue"), r.Text("Target"),
            r.Text("CurrentActionRef"), r.Text("EvidenceSource"), r.Text("Owner"), r.Text("ReviewRoute"), r.Date("ReviewOn"),
            r.RequiredChoice<RiskTrend>("Trend"), r.Text("EvidenceRefs"));
        CheckEvidenceRefs(r, details.EvidenceRefs);
        return details;
    }

    public static SelfAssessmentDetails SelfAssessment(RowReader r) => new(
        r.RequiredText("QualityStatement"), r.RequiredChoice<QualityRating>("Rating"), r.Text("Narrative"));

    private static void CheckEvidenceRefs(RowReader r, string? evidenceRefs)
    {
        foreach (var problem in EvidenceReference.ParseList(evidenceRefs).Problems)
        {
            r.Problem("EvidenceRefs", problem);
        }
    }
}
