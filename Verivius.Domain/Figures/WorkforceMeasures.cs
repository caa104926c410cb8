using Verivius.Domain.Common;

namespace Verivius.Domain.Figures;

/// <summary>
/// Training and supervision, measured one way for every view, chart and document. Each counts staff,
/// not course rows, on the site's newest training matrix or supervision record for the month (one
/// stands for later months that sent none, for up to a year), judged at the end of the month measured:
/// a matrix that has not been renewed shows its courses expiring, as they do, rather than the state it
/// was drawn up in. A course is in date on its expiry day, and supervision is on time within the
/// provider's interval, as the challenge rules read them.
/// </summary>
public static class WorkforceMeasures
{
    /// <summary>How many months a site's newest matrix or supervision record stands for, its own month included.</summary>
    public const int MonthsARecordStands = 12;

    public static Measure TrainingInDate { get; } = new(
        "Mandatory training in date",
        "staff whose every mandatory course is completed and in date at the end of the month, on the site's newest training matrix");

    public static Measure SupervisedOnTime(int supervisionDays) => new(
        "Staff supervised on time",
        $"staff with a supervision session in the {supervisionDays} days up to the end of the month, on the site's newest supervision record");

    /// <summary>The day a month's figures are judged at: its last.</summary>
    public static DateOnly MeasuredAt(DateOnly month) => new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>Whether a member of staff counts as in date: no mandatory course left uncompleted, and none expired before <paramref name="at"/>.</summary>
    public static bool TrainingInDateAt(int coursesNotCompleted, DateOnly? firstExpiry, DateOnly at) =>
        coursesNotCompleted == 0 && (firstExpiry is not { } expiry || expiry >= at);

    /// <summary>Whether a member of staff's newest supervision falls in the <paramref name="supervisionDays"/> days up to <paramref name="at"/>.</summary>
    public static bool SupervisedOnTimeAt(DateOnly? lastSupervision, DateOnly at, int supervisionDays) =>
        lastSupervision is { } last && last <= at && at.DayNumber - last.DayNumber <= supervisionDays;

    /// <summary>The record that speaks for <paramref name="month"/>: the newest of <paramref name="periods"/> on or before it that still stands.</summary>
    public static DateOnly? StandingFor(DateOnly month, IEnumerable<DateOnly> periods) =>
        periods.Where(p => p <= month && p > month.AddMonths(-MonthsARecordStands)).Select(p => (DateOnly?)p).Max();
}

/// <summary>A count of staff and how many of them meet a measure, for one site or many added together.</summary>
public readonly record struct StaffCount(int Staff, int Meeting)
{
    public static StaffCount operator +(StaffCount a, StaffCount b) => new(a.Staff + b.Staff, a.Meeting + b.Meeting);

    public static StaffCount Add(StaffCount a, StaffCount b) => a + b;

    /// <summary>The share as pages and documents put it; "—" when nothing was measured.</summary>
    public static string Percent(StaffCount? count) => BritishNumbers.Percent(count?.Meeting ?? 0, count?.Staff ?? 0);

    /// <summary>"24 of 30 staff (80%)", or that there was no record to measure.</summary>
    public static string Described(StaffCount? count) =>
        count is { } c ? $"{c.Meeting} of {c.Staff} staff ({Percent(c)})" : "no record for the month";
}
