using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;

namespace Verivius.Tests.Domain.Documents;

/// <summary>
/// A schedule said in words runs when the words say: the Nth working day after the upload deadline
/// skips weekends and bank holidays in England and Wales, a day of the month comes in every month,
/// and the next runs carry across month and year ends.
/// </summary>
public class ScheduleTimingTests
{
    private static readonly WorkingDays EnglandAndWales = WorkingDays.EnglandAndWales;
    private static readonly TimeOnly SixAm = new(6, 0);

    [Theory]
    [InlineData(1, "2026-12-11")] // packs due Thursday 10 December: the next day is a Friday
    [InlineData(2, "2026-12-14")] // ...and the second working day is the Monday after the weekend
    public void TheNthWorkingDayAfterTheDeadline_CountsOnlyWorkingDays(int n, string expected)
    {
        var schedule = new DocumentSchedule(Guid.NewGuid(), DocumentKind.BoardPack, ScheduleTiming.WorkingDayAfterDeadline, n, SixAm);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.RunDayIn(new DateOnly(2026, 12, 1), 10, EnglandAndWales));
    }

    [Fact]
    public void ADeadlineBeforeChristmas_SkipsChristmasDay_TheWeekend_AndTheBoxingDaySubstitute()
    {
        // Packs due 24 days after November's end: Thursday 24 December 2026.
        var schedule = new DocumentSchedule(Guid.NewGuid(), DocumentKind.SitePack, ScheduleTiming.WorkingDayAfterDeadline, 1, SixAm);

        Assert.Equal(new DateOnly(2026, 12, 29), schedule.RunDayIn(new DateOnly(2026, 12, 1), 24, EnglandAndWales));
        Assert.False(schedule.RunsOn(new DateOnly(2026, 12, 28), 24, EnglandAndWales));
        Assert.True(schedule.RunsOn(new DateOnly(2026, 12, 29), 24, EnglandAndWales));
    }

    [Fact]
    public void TheNextRuns_OfAWorkingDaySchedule_CrossTheYearEnd_AndADeadlineOnASunday()
    {
        var schedule = new DocumentSchedule(Guid.NewGuid(), DocumentKind.BoardPack, ScheduleTiming.WorkingDayAfterDeadline, 2, SixAm);

        // After the December run: January's packs are due Sunday 10 January 2027, February's Wednesday 10 February.
        var runs = schedule.NextRuns(new DateTime(2026, 12, 14, 6, 0, 0), 10, EnglandAndWales);

        Assert.Equal([new DateTime(2027, 1, 12, 6, 0, 0), new DateTime(2027, 2, 12, 6, 0, 0), new DateTime(2027, 3, 12, 6, 0, 0)], runs);
    }

    [Fact]
    public void TheNextRuns_OfADayOfTheMonth_ComeEveryMonth_FromTheNextOneDue()
    {
        var schedule = new DocumentSchedule(Guid.NewGuid(), DocumentKind.BoardPack, ScheduleTiming.DayOfMonth, 28, new TimeOnly(5, 30));

        var runs = schedule.NextRuns(new DateTime(2027, 1, 28, 5, 30, 0), 10, EnglandAndWales);

        Assert.Equal([new DateTime(2027, 2, 28, 5, 30, 0), new DateTime(2027, 3, 28, 5, 30, 0), new DateTime(2027, 4, 28, 5, 30, 0)], runs);
        Assert.Equal("0 30 5 28 * ?", schedule.Cron);
        Assert.Equal("day 28 of each month at 05:30", schedule.Describe());
        Assert.True(schedule.RunsOn(new DateOnly(2027, 2, 28), 10, EnglandAndWales));
    }

    [Theory]
    [InlineData(ScheduleTiming.DayOfMonth, 29)]
    [InlineData(ScheduleTiming.DayOfMonth, 0)]
    [InlineData(ScheduleTiming.WorkingDayAfterDeadline, 11)]
    public void ADayThatDoesNotComeEveryMonth_IsRefused(ScheduleTiming timing, int day) =>
        Assert.Throws<DomainException>(() => new DocumentSchedule(Guid.NewGuid(), DocumentKind.BoardPack, timing, day, SixAm));

    [Fact]
    public void TheDefaults_AllRunAfterTheUploadDeadline()
    {
        var providerId = Guid.NewGuid();
        var december = new DateOnly(2026, 12, 1);

        var days = DocumentKinds.Scheduled.Select(kind => DocumentSchedule.Default(providerId, kind).RunDayIn(december, 10, EnglandAndWales)).ToList();

        Assert.All(days, day => Assert.True(day > new DateOnly(2026, 12, 10), $"{day} is not after the deadline of 10 December."));
        Assert.Equal("the 2nd working day after the upload deadline, at 06:00", DocumentSchedule.Default(providerId, DocumentKind.BoardPack).Describe());
    }
}
