using System.Globalization;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;

namespace Verivius.Domain.Documents;

/// <summary>How a schedule says when it runs.</summary>
public enum ScheduleTiming
{
    /// <summary>A day of every month, at a time.</summary>
    DayOfMonth,

    /// <summary>The Nth working day (England and Wales) after the day the month's packs are due, at a time.</summary>
    WorkingDayAfterDeadline,

    /// <summary>A Quartz cron expression, for what the two phrases cannot say.</summary>
    Cron,
}

/// <summary>
/// When one kind of document is written for a provider, in the portal's time zone: a day of the
/// month, a working day after the upload deadline (the day the month's packs are due, which the
/// provider's PROV-PACK-MISSING threshold sets), or a Quartz cron expression. Each run writes the
/// documents for the month before the one it runs in. <see cref="Cron"/> is what Quartz fires on: the
/// phrase's own expression, or for working days every day at the time, each day checked by
/// <see cref="RunsOn"/>, since bank holidays are not Quartz's to know.
/// </summary>
public sealed class DocumentSchedule : Entity
{
    public const int MaxCronLength = 120;
    public const int LatestDayOfMonth = 28;
    public const int MostWorkingDays = 10;

    private DocumentSchedule()
    {
    }

    public DocumentSchedule(Guid providerId, DocumentKind kind, string cron, bool enabled = true)
        : this(providerId, kind, ScheduleTiming.Cron, 0, default, cron, enabled)
    {
    }

    public DocumentSchedule(Guid providerId, DocumentKind kind, ScheduleTiming timing, int day, TimeOnly at, string? cron = null, bool enabled = true)
    {
        ProviderId = providerId;
        Kind = kind;
        Change(timing, day, at, cron, enabled);
    }

    public Guid ProviderId { get; private set; }

    public DocumentKind Kind { get; private set; }

    public ScheduleTiming Timing { get; private set; }

    /// <summary>The day of the month, or how many working days after the deadline; unused for cron.</summary>
    public int Day { get; private set; }

    public TimeOnly At { get; private set; }

    public string Cron { get; private set; } = "";

    public bool Enabled { get; private set; }

    /// <summary>
    /// The defaults, all after the upload deadline so the month's packs are in: site packs on the first
    /// working day after it at 06:00, the board pack and the commissioner updates on the second (06:00
    /// and 07:00), arriving as drafts for the nominated individual to review.
    /// </summary>
    public static DocumentSchedule Default(Guid providerId, DocumentKind kind) => kind switch
    {
        DocumentKind.SitePack => new(providerId, kind, ScheduleTiming.WorkingDayAfterDeadline, 1, new TimeOnly(6, 0)),
        DocumentKind.BoardPack => new(providerId, kind, ScheduleTiming.WorkingDayAfterDeadline, 2, new TimeOnly(6, 0)),
        DocumentKind.CommissionerUpdate => new(providerId, kind, ScheduleTiming.WorkingDayAfterDeadline, 2, new TimeOnly(7, 0)),
        _ => throw new DomainException($"{DocumentKinds.Title(kind)}s are not written on a schedule."),
    };

    /// <summary>What is wrong with the timing as given, or null; a cron expression is Quartz's to judge.</summary>
    public static string? ProblemWith(ScheduleTiming timing, int day) => timing switch
    {
        ScheduleTiming.DayOfMonth when day is < 1 or > LatestDayOfMonth => $"Choose a day from 1 to {LatestDayOfMonth}, so that it comes in every month.",
        ScheduleTiming.WorkingDayAfterDeadline when day is < 1 or > MostWorkingDays => $"Choose from the 1st to the {Ordinal(MostWorkingDays)} working day after the upload deadline.",
        _ => null,
    };

    public void Change(ScheduleTiming timing, int day, TimeOnly at, string? cron, bool enabled)
    {
        if (ProblemWith(timing, day) is { } problem)
        {
            throw new DomainException(problem);
        }

        var expression = timing switch
        {
            ScheduleTiming.DayOfMonth => string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} {day} * ?"),
            ScheduleTiming.WorkingDayAfterDeadline => string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} * * ?"),
            _ => cron?.Trim() ?? "",
        };
        if (expression.Length is 0 or > MaxCronLength)
        {
            throw new DomainException($"A schedule needs a cron expression of at most {MaxCronLength} characters.");
        }

        Timing = timing;
        Day = timing == ScheduleTiming.Cron ? 0 : day;
        At = timing == ScheduleTiming.Cron ? default : at;
        Cron = expression;
        Enabled = enabled;
    }

    /// <summary>The day of the month <paramref name="month"/> (its first day) on which a phrase runs; null for cron.</summary>
    /// <param name="deadlineDays">Days after a month's end that its pack is due: the provider's PROV-PACK-MISSING threshold.</param>
    public DateOnly? RunDayIn(DateOnly month, int deadlineDays, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        return Timing switch
        {
            ScheduleTiming.DayOfMonth => new DateOnly(month.Year, month.Month, Day),
            ScheduleTiming.WorkingDayAfterDeadline => workingDays.After(month.AddDays(-1).AddDays(deadlineDays), Day),
            _ => null,
        };
    }

    /// <summary>Whether a run Quartz fired for <paramref name="day"/> is one this schedule means: always, but for working days only the Nth.</summary>
    public bool RunsOn(DateOnly day, int deadlineDays, WorkingDays workingDays) =>
        Timing != ScheduleTiming.WorkingDayAfterDeadline || RunDayIn(new DateOnly(day.Year, day.Month, 1), deadlineDays, workingDays) == day;

    /// <summary>The next runs of a phrase after <paramref name="after"/>, in local time; empty for cron.</summary>
    public IReadOnlyList<DateTime> NextRuns(DateTime after, int deadlineDays, WorkingDays workingDays, int count = 3)
    {
        var runs = new List<DateTime>();
        for (var month = new DateOnly(after.Year, after.Month, 1); Timing != ScheduleTiming.Cron && runs.Count < count; month = month.AddMonths(1))
        {
            var run = RunDayIn(month, deadlineDays, workingDays)!.Value.ToDateTime(At);
            if (run > after)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>The schedule in words, as the page and the documents' history say it.</summary>
    public string Describe() => Timing switch
    {
        ScheduleTiming.DayOfMonth => $"day {Day} of each month at {At:HH:mm}",
        ScheduleTiming.WorkingDayAfterDeadline => $"the {Ordinal(Day)} working day after the upload deadline, at {At:HH:mm}",
        _ => $"cron {Cron}",
    };

    public static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
