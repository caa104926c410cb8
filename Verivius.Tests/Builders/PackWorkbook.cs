using Verivius.Domain.Packs.Reading;

namespace Verivius.Tests;

/// <summary>
/// A monthly pack workbook with one valid row on every sheet, in the template's column order; a test
/// changes only what it is about and builds it into a real .xlsx.
/// </summary>
public sealed class PackWorkbook
{
    private readonly Dictionary<string, (List<string> Columns, List<Dictionary<string, object?>> Rows)> _sheets = [];
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string> _names = [];
    private bool _date1904;

    public PackWorkbook(string siteCode = "1-123456789", string period = "2026-10")
    {
        foreach (var sheet in PackFormat.Sheets)
        {
            _order.Add(sheet.Name);
            _sheets[sheet.Name] = ([.. sheet.Columns], []);
        }

        Row("Pack", ("Field", "SiteCode"), ("Value", siteCode));
        Row("Pack", ("Field", "Period"), ("Value", period));
        Row("Pack", ("Field", "PreparedBy"), ("Value", "Registered manager"));
        Row("Pack", ("Field", "PreparedOn"), ("Value", "2026-11-03"));
        Row("Actions", ("ActionRef", "ACT-1"), ("Title", "Refresh falls care plans"), ("Source", "Incident"), ("SourceRef", "INC-1"), ("Owner", "Deputy manager"), ("RaisedOn", "2026-10-02"), ("DueOn", "2026-10-30"), ("Status", "Open"), ("Area", "Safeguarding"));
        Row("Meetings", ("MeetingRef", "MTG-1"), ("HeldOn", "2026-10-06"), ("Type", "Governance"), ("Chair", "Registered manager"));
        Row("Decisions", ("MeetingRef", "MTG-1"), ("DecisionRef", "DEC-1"), ("Decision", "Audit falls plans weekly"), ("ActionRef", "ACT-1"), ("Owner", "Deputy manager"), ("ReviewOn", "2026-11-06"));
        Row("Incidents", ("IncidentRef", "INC-1"), ("OccurredOn", "2026-10-01"), ("Category", "Fall"), ("Severity", "Moderate"), ("CqcNotifiable", "Y"), ("NotificationType", "SeriousInjury"), ("NotificationSentOn", "2026-10-02"), ("CandourApplies", "Yes"), ("CandourInPersonOn", "2026-10-01"), ("ApologyGiven", "Y"), ("CandourWrittenOn", "2026-10-08"), ("ActionRef", "ACT-1"), ("Status", "Open"));
        Row("Complaints", ("ComplaintRef", "CMP-1"), ("ReceivedOn", "2026-10-04"), ("Theme", "Laundry"), ("RespondedOn", "2026-10-10"), ("Outcome", "PartlyUpheld"), ("Learning", "Label clothing"), ("CarePlanUpdateRequired", "N"));
        Row("Audits", ("AuditRef", "AUD-1"), ("AuditType", "Documentation"), ("HeldOn", "2026-10-12"), ("ScorePercent", 88), ("Theme", "Care plans reviewed"), ("ThemeResult", "Met"), ("Area", "Documentation"));
        Row("Audits", ("AuditRef", "AUD-1"), ("AuditType", "Documentation"), ("HeldOn", "2026-10-12"), ("ScorePercent", 88), ("Theme", "Risk assessments signed"), ("ThemeResult", "PartlyMet"), ("Area", "Documentation"));
        Row("Staffing", ("WeekStarting", "2026-10-05"), ("ShiftsPlanned", 120), ("ShiftsUnfilled", 6), ("AgencyHours", 48), ("TotalHours", 1450), ("MissedCare", 0), ("LateCare", 2));
        Row("Training", ("StaffRef", "ST-01"), ("Role", "Care assistant"), ("Course", "Moving and handling"), ("Mandatory", "Y"), ("CompletedOn", "2026-03-01"), ("ExpiresOn", "2027-03-01"));
        Row("Supervision", ("StaffRef", "ST-01"), ("Type", "Supervision"), ("HeldOn", "2026-09-20"));
        Row("Feedback", ("FeedbackRef", "FB-1"), ("ReceivedOn", "2026-10-15"), ("From", "Family"), ("Sentiment", "Negative"), ("Theme", "Laundry"), ("YouSaid", "Clothes go missing"));
        Row("Inspection", ("FindingRef", "F-1"), ("InspectedOn", "2026-05-20"), ("Kind", "MustDo"), ("Regulation", "Regulation 17"), ("Finding", "Governance systems were not effective"), ("ActionRef", "ACT-1"));
        Row("Assurance", ("StatementRef", "AS-1"), ("Area", "Documentation"), ("Statement", "Care plans are up to date"), ("Rating", "Green"), ("Confidence", "Qualified"), ("EvidenceRefs", "Audits:AUD-1"));
        Row("Recovery", ("RiskRef", "R-1"), ("Area", "Safeguarding"), ("Risk", "Falls at night"), ("CurrentActionRef", "ACT-1"), ("EvidenceSource", "Falls log"), ("Owner", "Deputy manager"), ("ReviewRoute", "Monthly quality meeting"), ("ReviewOn", "2026-11-06"), ("Trend", "Improving"), ("EvidenceRefs", "Incidents:INC-1"));
        Row("SelfAssessment", ("QualityStatement", "Governance, management and sustainability"), ("Rating", "RequiresImprovement"));
    }

    public PackWorkbook Row(string sheet, params (string Column, object? Value)[] cells)
    {
        _sheets[sheet].Rows.Add(cells.ToDictionary(c => c.Column, c => c.Value));
        return this;
    }

    /// <summary>Sets one cell of a data row (row 2 is the first data row, as in Excel).</summary>
    public PackWorkbook Set(string sheet, int excelRow, string column, object? value)
    {
        _sheets[sheet].Rows[excelRow - 2][column] = value;
        return this;
    }

    public PackWorkbook Clear(string sheet)
    {
        _sheets[sheet].Rows.Clear();
        return this;
    }

    public PackWorkbook Without(string sheet)
    {
        _order.Remove(sheet);
        return this;
    }

    /// <summary>Adds a sheet the pack format does not have, such as a manager's own notes.</summary>
    public PackWorkbook WithExtraSheet(string name)
    {
        _order.Add(name);
        _sheets[name] = (["Note"], [new Dictionary<string, object?> { ["Note"] = "Remember to chase the rota" }]);
        return this;
    }

    /// <summary>Gives a sheet another name in the workbook, as a user renaming a tab would.</summary>
    public PackWorkbook Rename(string sheet, string name)
    {
        _names[sheet] = name;
        return this;
    }

    public PackWorkbook WithoutColumn(string sheet, string column)
    {
        _sheets[sheet].Columns.Remove(column);
        return this;
    }

    public PackWorkbook WithColumn(string sheet, string header)
    {
        _sheets[sheet].Columns.Add(header);
        return this;
    }

    public PackWorkbook Date1904()
    {
        _date1904 = true;
        return this;
    }

    /// <summary>The Excel cell of a column in a data row, as messages name it.</summary>
    public string Cell(string sheet, string column, int excelRow) =>
        Verivius.Domain.Packs.Workbooks.SheetCell.Letters(_sheets[sheet].Columns.IndexOf(column) + 1) + excelRow;

    public byte[] Build()
    {
        var builder = new WorkbookBuilder();
        if (_date1904)
        {
            builder.Date1904();
        }

        foreach (var name in _order)
        {
            var (columns, rows) = _sheets[name];
            var table = new List<object?[]> { columns.Cast<object?>().ToArray() };
            table.AddRange(rows.Select(row => columns.Select(c => row.GetValueOrDefault(c)).ToArray()));
            builder.Sheet(_names.GetValueOrDefault(name, name), [.. table]);
        }

        return builder.Build();
    }
}
