using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Workbooks;
using Verivius.Tests.Builders;

namespace Verivius.Tests.Domain;

public class PackReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static PackReadResult Read(PackWorkbook pack)
    {
        using var workbook = XlsxWorkbook.Open(new MemoryStream(pack.Build()));
        return PackReader.Read(workbook, Today);
    }

    private static List<string> Errors(PackWorkbook pack) => Read(pack).Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void AValidWorkbook_ReadsEveryKindOfRecord()
    {
        var result = Read(new PackWorkbook());

        Assert.Empty(result.Errors);
        var content = result.Content!;
        Assert.Equal("1-123456789", content.SiteCode);
        Assert.Equal("2026-10", content.Period.ToString());
        Assert.Equal(new DateOnly(2026, 11, 3), content.PreparedOn);
        Assert.Equal(Severity.Moderate, content.Incidents.Single().Details.Severity);
        Assert.True(content.Incidents.Single().Details.CqcNotifiable);
        Assert.Equal(2, content.Audits.Count);
        Assert.Equal(88, content.Audits[0].Details.Audit.ScorePercent);
        Assert.Single(content.Training!);
        Assert.Equal(RiskTrend.Improving, content.Recovery.Single().Details.Trend);
        Assert.Equal(2, content.RowCounts["Audits"]);
    }

    [Fact]
    public void AWrongChoice_IsNamedByCellWithTheValidOnes()
    {
        var pack = new PackWorkbook().Set("Incidents", 2, "Severity", "Sever");

        Assert.Equal([$"Incidents!{pack.Cell("Incidents", "Severity", 2)}: \"Sever\" is not a severity; use None, Low, Moderate, Severe or Death"], Errors(pack));
    }

    [Fact]
    public void Choices_IgnoreCaseAndSpaces()
    {
        var result = Read(new PackWorkbook().Set("Audits", 2, "ThemeResult", "partly met").Set("Audits", 3, "ThemeResult", "NOTMET"));

        Assert.Empty(result.Errors);
        Assert.Equal([ThemeResult.PartlyMet, ThemeResult.NotMet], result.Content!.Audits.Select(a => a.Details.Theme.Result));
    }

    [Fact]
    public void ABadDate_IsNamedWithTheFormsThatWork()
    {
        var pack = new PackWorkbook().Set("Actions", 2, "RaisedOn", "31/13/2026");

        Assert.Equal([$"Actions!{pack.Cell("Actions", "RaisedOn", 2)}: \"31/13/2026\" is not a date; use YYYY-MM-DD or DD/MM/YYYY"], Errors(pack));
    }

    [Fact]
    public void Dates_AreReadFromRealExcelDatesAndBothTextForms()
    {
        var day = new DateOnly(2026, 10, 6);
        var result = Read(new PackWorkbook()
            .Set("Meetings", 2, "HeldOn", day)
            .Row("Meetings", ("MeetingRef", "MTG-2"), ("HeldOn", "06/10/2026"), ("Type", "Quality"))
            .Row("Meetings", ("MeetingRef", "MTG-3"), ("HeldOn", "2026-10-06"), ("Type", "Staff")));

        Assert.Equal([day, day, day], result.Content!.Meetings.Select(m => m.Details.HeldOn));
    }

    [Fact]
    public void RealExcelDates_InThe1904System_AreTheSameDays()
    {
        var day = new DateOnly(2026, 10, 6);

        var result = Read(new PackWorkbook().Date1904().Set("Meetings", 2, "HeldOn", day));

        Assert.Equal(day, result.Content!.Meetings.Single().Details.HeldOn);
    }

    [Fact]
    public void AnEmptyRequiredCell_AndAMissingRequiredColumn_AreBothErrors()
    {
        var pack = new PackWorkbook().Set("Actions", 2, "Title", null).WithoutColumn("Complaints", "Theme");

        Assert.Equal(
            [$"Actions!{pack.Cell("Actions", "Title", 2)}: Title is empty; every row needs one", "Complaints: the required column Theme is missing"],
            Errors(pack));
    }

    [Fact]
    public void AnUnknownColumnOrSheet_IsAWarningThatDoesNotStopTheImport()
    {
        var pack = new PackWorkbook().WithColumn("Actions", "Colour");
        var bytes = pack.Build();
        using var workbook = XlsxWorkbook.Open(new MemoryStream(bytes));

        var result = PackReader.Read(workbook, Today);

        Assert.True(result.Succeeded);
        Assert.Equal([$"Actions!{pack.Cell("Actions", "Colour", 1)[..^1]}1: the column \"Colour\" is not part of the pack format and was ignored"], result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void RulesAcrossARow_AreChecked()
    {
        var pack = new PackWorkbook()
            .Set("Actions", 2, "Status", "Closed")
            .Set("Incidents", 2, "NotificationType", null)
            .Set("Staffing", 2, "ShiftsUnfilled", 130);

        Assert.Equal(
            [
                $"Actions!{pack.Cell("Actions", "ClosedOn", 2)}: the action is Closed, so ClosedOn needs the date it was closed",
                $"Incidents!{pack.Cell("Incidents", "NotificationType", 2)}: the incident is CQC-notifiable, so it needs a notification type: Death, SeriousInjury, Abuse, Police, DoLS, ServiceDisruption or Other",
                $"Staffing!{pack.Cell("Staffing", "ShiftsUnfilled", 2)}: 130 shifts unfilled is more than the 120 planned",
            ],
            Errors(pack));
    }

    [Fact]
    public void YesNoAndNumbers_AreChecked()
    {
        var pack = new PackWorkbook().Set("Incidents", 2, "CandourApplies", "maybe").Set("Audits", 2, "ScorePercent", 120).Set("Staffing", 2, "ShiftsPlanned", 12.5);

        Assert.Equal(
            [
                $"Incidents!{pack.Cell("Incidents", "CandourApplies", 2)}: \"maybe\" is not yes or no; use Y, N, Yes, No, TRUE or FALSE",
                $"Audits!{pack.Cell("Audits", "ScorePercent", 2)}: 120 is not between 0 and 100",
                $"Staffing!{pack.Cell("Staffing", "ShiftsPlanned", 2)}: 12.5 is not a whole number",
            ],
            Errors(pack));
    }

    [Fact]
    public void ARepeatedReference_IsAnErrorNamingTheFirstRow()
    {
        var pack = new PackWorkbook().Row("Feedback", ("FeedbackRef", "fb-1"), ("ReceivedOn", "2026-10-16"), ("From", "Staff"), ("Sentiment", "Positive"), ("Theme", "Rota"));

        Assert.Equal([$"Feedback!{pack.Cell("Feedback", "FeedbackRef", 3)}: this row repeats row 2 (the same feedback ref); each appears once in a sheet"], Errors(pack));
    }

    [Fact]
    public void AnAuditsRowsMustAgreeOnItsHeadline()
    {
        var pack = new PackWorkbook().Set("Audits", 3, "ScorePercent", 70);

        Assert.Equal([$"Audits!{pack.Cell("Audits", "AuditRef", 3)}: audit AUD-1 has a different type, date or score here than on row 2; they must be the same on each of its rows"], Errors(pack));
    }

    [Fact]
    public void AnEvidenceReferenceToNoSheet_IsAnError()
    {
        var pack = new PackWorkbook().Set("Assurance", 2, "EvidenceRefs", "Audits:AUD-1; Audit:AUD-2; minutes-october.pdf");

        Assert.Equal(
            [$"Assurance!{pack.Cell("Assurance", "EvidenceRefs", 2)}: \"Audit:AUD-2\" names no sheet that evidence can come from; use Actions:, Meetings:, Decisions:, Incidents:, Complaints:, Audits:, Staffing:, Feedback: or Inspection: then a reference, or an attachment's file name"],
            Errors(pack));
    }

    [Theory]
    [InlineData("SiteCode", "12345", "Pack!B2: \"12345\" is not a CQC location ID; it looks like 1-123456789 (1, a hyphen, then 8 to 11 digits)")]
    [InlineData("Period", "October", "Pack!B3: \"October\" is not a month; write it as YYYY-MM, for example 2026-10")]
    [InlineData("Period", "2026-12", "Pack!B3: 2026-12 is in the future; a pack reports on a month that has begun")]
    public void ThePackSheet_IsChecked(string field, string value, string expected)
    {
        var row = field == "SiteCode" ? 2 : 3;

        Assert.Equal([expected], Errors(new PackWorkbook().Set("Pack", row, "Value", value)));
    }

    [Fact]
    public void AWorkbookWithoutAPackSheet_IsRefused() =>
        Assert.Equal(["Pack: the workbook has no Pack sheet; it must name the site (SiteCode) and the month (Period)"], Errors(new PackWorkbook().Without("Pack")));

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var pack = new PackWorkbook()
            .Set("Incidents", 2, "Severity", "Sever")
            .Set("Incidents", 2, "OccurredOn", "yesterday")
            .Set("Complaints", 2, "ReceivedOn", null)
            .Set("Feedback", 2, "From", "Neighbour");

        Assert.Equal(4, Errors(pack).Count);
    }

    [Fact]
    public void AbsentSheets_MeanNothingOfThatKind_AndAHeaderOnlySnapshotIsReadAsNotSent()
    {
        var result = Read(new PackWorkbook().Without("Incidents").Without("Training").Clear("Supervision").Clear("Complaints"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Content!.Incidents);
        Assert.Empty(result.Content!.Complaints);
        Assert.Null(result.Content!.Training);
        Assert.Null(result.Content!.Supervision);
        Assert.Equal(
            ["Supervision: the sheet has its header but no rows, so it was read as not sent: the month keeps the supervision record it already has, if any. An upload never empties a supervision record; to change it, send every row as it should stand"],
            result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void MoreRowsThanASheetMayHold_IsAnError()
    {
        var pack = new PackWorkbook().Clear("Staffing");
        for (var week = 0; week <= PackFormat.MaxRowsPerSheet; week++)
        {
            pack.Row("Staffing", ("WeekStarting", new DateOnly(1990, 1, 1).AddDays(week)), ("ShiftsPlanned", 1), ("ShiftsUnfilled", 0), ("AgencyHours", 0), ("TotalHours", 8));
        }

        Assert.Equal(["Staffing: the sheet has more than 10,000 rows, the most one sheet may hold; split the month's records or check the file"], Errors(pack));
    }

    [Theory]
    [InlineData("Actions", "Actionz")]
    [InlineData("Incidents", "Incident")]
    [InlineData("Training", "Training matrix")]
    public void ASheetWhoseNameIsCloseToAPackSheet_IsAnErrorThatNamesTheRightSheet(string sheet, string misnamed)
    {
        var result = Read(new PackWorkbook().Rename(sheet, misnamed));

        Assert.Null(result.Content);
        Assert.Contains($"{misnamed}: this looks like the \"{sheet}\" sheet with its name changed; rename it \"{sheet}\" (sheet names must match the template)", result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AnUnrelatedExtraSheet_StaysAWarning()
    {
        var result = Read(new PackWorkbook().WithExtraSheet("Notes"));

        Assert.NotNull(result.Content);
        Assert.Contains("Notes: this sheet is not part of the pack format and was ignored", result.Warnings.Select(w => w.ToString()));
    }
}
