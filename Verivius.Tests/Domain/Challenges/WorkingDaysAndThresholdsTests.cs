using Verivius.Domain.Challenges;

namespace Verivius.Tests.Domain.Challenges;

public class WorkingDaysAndThresholdsTests
{
    [Fact]
    public void TheBankHolidayData_CoversEveryYearFrom2020To2030_WithTheEightUsualDaysAtLeast()
    {
        var byYear = WorkingDays.EnglandAndWales.BankHolidays.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Enumerable.Range(2020, 11), year => Assert.True(byYear.GetValueOrDefault(year) >= 8, $"{year} has {byYear.GetValueOrDefault(year)} bank holidays."));
        Assert.Contains(new DateOnly(2022, 9, 19), WorkingDays.EnglandAndWales.BankHolidays);
        Assert.Contains(new DateOnly(2023, 5, 8), WorkingDays.EnglandAndWales.BankHolidays);
        Assert.Contains(new DateOnly(2020, 5, 8), WorkingDays.EnglandAndWales.BankHolidays);
    }

    [Theory]
    [InlineData("2026-11-20", 1, "2026-11-23")]
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-11-16", 10, "2026-11-30")]
    public void After_SkipsWeekendsAndBankHolidays(string from, int count, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.EnglandAndWales.After(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), count));
    }

    [Fact]
    public void TheDefaults_AreThoseOfTheCatalogue_AndValid()
    {
        var defaults = ChallengeThresholds.Defaults;

        Assert.Empty(defaults.Problems());
        Assert.Equal(
            (62, 10, 90, 14, 2, 10, 180, 20, 90, 365, 90, 20, 85, 3, 4, 56, 5, 14, 56, 3, 10, 14),
            (defaults.MeetingGapDays, defaults.StalledOpenActions, defaults.StalledClosureDays, defaults.ActionOverdueDays, defaults.NotificationDays,
             defaults.CandourWrittenWorkingDays, defaults.MatrixStaleDays, defaults.MatrixTooCleanStaff, defaults.SupervisionDays, defaults.AppraisalDays,
             defaults.EvidenceCurrentDays, defaults.ContradictionPercent, defaults.AuditHeadlinePercent, defaults.AuditThemeFailures, defaults.AuditThemeWindow,
             defaults.CarePlanUpdateDays, defaults.UnfilledShiftPercent, defaults.RiskReviewOverdueDays, defaults.FeedbackResponseDays, defaults.SystemicRiskSites,
             defaults.PackMissingDays, defaults.UnansweredDays));
        Assert.Equal(ChallengeThresholds.Settings.Count, ChallengeThresholds.Settings.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void OutOfRangeOrContradictoryValues_AreNamedWithTheirSetting()
    {
        var problems = (ChallengeThresholds.Defaults with { MeetingGapDays = 0, AuditThemeFailures = 5, AuditThemeWindow = 4 }).Problems();

        Assert.Contains(problems, p => p.Setting == nameof(ChallengeThresholds.MeetingGapDays) && p.Problem == "Most days between governance meetings must be between 7 and 366 days.");
        Assert.Contains(problems, p => p.Setting == nameof(ChallengeThresholds.AuditThemeFailures));
    }
}
