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
            // A misspelt pack sheet would otherwise import as a pack without that sheet's records.
            if (MeantSheet(name) is { } meant)
            {
                context.Errors.Add(new PackIssue(name, null, $"this looks like the \"{meant}\" sheet with its name changed; rename it \"{meant}\" (sheet names must match the template)"));
            }
            else
            {
                context.Warnings.Add(new PackIssue(name, null, "this sheet is not part of the pack format and was ignored"));
            }
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
            Training = Snapshot(context, "Training", "training matrix", context.Read("Training", RowParsers.Training, t => t.StaffRef + "\n" + t.Course, "Course")),
            Supervision = Snapshot(context, "Supervision", "supervision record", context.Read("Supervision", RowParsers.Supervision, s => $"{s.StaffRef}\n{s.Type}\n{s.HeldOn}", "HeldOn")),
            Feedback = context.Read("Feedback", RowParsers.Feedback, f => f.FeedbackRef, "FeedbackRef") ?? [],
            Inspection = context.Read("Inspection", RowParsers.Finding, f => f.FindingRef, "FindingRef") ?? [],
            Assurance = context.Read("Assurance", RowParsers.Assurance, a => a.StatementRef, "StatementRef") ?? [],
            Recovery = context.Read("Recovery", RowParsers.Recovery, r => r.RiskRef, "RiskRef") ?? [],
            SelfAssessment = context.Read("SelfAssessment", RowParsers.SelfAssessment, s => s.QualityStatement.ToUpperInvariant(), "QualityStatement") ?? [],
            RowCounts = context.RowCounts,
        };
        return new PackReadResult(context.Errors.Count == 0 && pack is not null ? content : null, context.Errors, context.Warnings);
    }

    /// <summary>
    /// A snapshot sheet with its header and no rows is read as not sent (format v2): a manager who
    /// leaves the matrix blank rather than re-key it means "no change", and an upload never empties a
    /// snapshot, so the month keeps the one it has, and the warning says so.
    /// </summary>
    private static List<Parsed<T>>? Snapshot<T>(SheetReading context, string sheet, string snapshot, List<Parsed<T>>? rows)
    {
        if (rows is not { Count: 0 } || context.RowCounts.GetValueOrDefault(sheet) > 0 || context.Errors.Any(e => Same(e.Sheet, sheet)))
        {
            return rows;
        }

        context.Warnings.Add(new PackIssue(sheet, null,
            $"the sheet has its header but no rows, so it was read as not sent: the month keeps the {snapshot} it already has, if any. An upload never empties a {snapshot}; to change it, send every row as it should stand"));
        return null;
    }

    /// <summary>The pack sheet a sheet's name is close to: at most two letters different, or one name the start of the other.</summary>
    internal static string? MeantSheet(string name)
    {
        var given = SheetLayout.Normalise(name);
        return PackFormat.Sheets.Select(s => s.Name).FirstOrDefault(format =>
        {
            var expected = SheetLayout.Normalise(format);
            var shorter = Math.Min(given.Length, expected.Length);
            return EditDistance(given, expected) <= 2
                || (shorter >= 5 && (given.StartsWith(expected, StringComparison.Ordinal) || expected.StartsWith(given, StringComparison.Ordinal)));
        });
    }

    /// <summary>Levenshtein distance, over two rows so that it needs no recursion and little memory.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    internal static bool Same(string a, string b) => SheetLayout.Normalise(a) == SheetLayout.Normalise(b);
}
