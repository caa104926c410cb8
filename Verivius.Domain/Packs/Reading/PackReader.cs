using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Domain.Packs.Reading;

/// <summary>
/// Reads a monthly pack workbook against format v1: every sheet, every row, every cell, reporting all
/// problems at once. References to other records are checked later, against the site's records.
/// </summary>
public static class PackReader
{
    public static PackReadResult Read(IWorkbookSource workbook, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var context = new SheetReading(workbook);
        foreach (var name in workbook.SheetNames.Where(n => SheetReading.SpecOf(n) is null && !PackFormat.Ignored.Any(i => Same(i, n))))
        {
            context.Warnings.Add(new PackIssue(name, null, "this sheet is not part of the pack format and was ignored"));
        }

        var pack = PackSheet.Read(context, today);
        var content = new PackContent
        {
            SiteCode = pack?.SiteCode ?? "",
            Period = pack?.Period ?? default,
            PreparedBy = pack?.PreparedBy ?? "",
            PreparedOn = pack?.PreparedOn,
            Actions = context.Read("Actions", RowParsers.Action, a => a.ActionRef, "ActionRef") ?? [],
            Meetings = context.Read("Meetings", RowParsers.Meeting, m => m.MeetingRef, "MeetingRef") ?? [],
            Decisions = context.Read("Decisions", RowParsers.Decision, d => d.DecisionRef, "DecisionRef") ?? [],
            Incidents = context.Read("Incidents", RowParsers.Incident, i => i.IncidentRef, "IncidentRef") ?? [],
            Complaints = context.Read("Complaints", RowParsers.Complaint, c => c.ComplaintRef, "ComplaintRef") ?? [],
            Audits = RowParsers.CheckAuditsAgree(context, context.Read("Audits", RowParsers.AuditRow, a => a.Audit.AuditRef + "\n" + a.Theme.Theme, "Theme") ?? []),
            Staffing = context.Read("Staffing", RowParsers.Staffing, s => StaffingWeek.RefOf(s.WeekStarting), "WeekStarting") ?? [],
            Training = context.Read("Training", RowParsers.Training, t => t.StaffRef + "\n" + t.Course, "Course"),
            Supervision = context.Read("Supervision", RowParsers.Supervision, s => $"{s.StaffRef}\n{s.Type}\n{s.HeldOn}", "HeldOn"),
            Feedback = context.Read("Feedback", RowParsers.Feedback, f => f.FeedbackRef, "FeedbackRef") ?? [],
            Inspection = context.Read("Inspection", RowParsers.Finding, f => f.FindingRef, "FindingRef") ?? [],
            Assurance = context.Read("Assurance", RowParsers.Assurance, a => a.StatementRef, "StatementRef") ?? [],
            Recovery = context.Read("Recovery", RowParsers.Recovery, r => r.RiskRef, "RiskRef") ?? [],
            SelfAssessment = context.Read("SelfAssessment", RowParsers.SelfAssessment, s => s.QualityStatement.ToUpperInvariant(), "QualityStatement") ?? [],
            RowCounts = context.RowCounts,
        };
        return new PackReadResult(context.Errors.Count == 0 && pack is not null ? content : null, context.Errors, context.Warnings);
    }

    internal static bool Same(string a, string b) => SheetLayout.Normalise(a) == SheetLayout.Normalise(b);
}
