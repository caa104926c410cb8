using System.Globalization;
using Verivius.Domain.Common;
using Verivius.Domain.Packs;

namespace Verivius.Domain.Mail;

/// <summary>
/// When a provider's reminders and digests go out, in the portal's time zone: the pack-due reminder
/// some days before the month's deadline, the pack-missing reminder the day after it, both at one
/// time of day; the challenges digest on a day of the week and the High challenges digest every
/// day, both at another time. The deadline is the provider's own (its PROV-PACK-MISSING threshold).
/// A provider that has saved nothing has <see cref="Default"/>.
/// </summary>
public sealed class MailSchedule : Entity
{
    public const int MostDaysBefore = 14;

    private MailSchedule()
    {
    }

    public MailSchedule(Guid providerId, int packDueDaysBefore, TimeOnly remindAt, DayOfWeek digestDay, TimeOnly digestAt, bool attachUpdates)
    {
        ProviderId = providerId;
        Change(packDueDaysBefore, remindAt, digestDay, digestAt, attachUpdates);
    }

    public Guid ProviderId { get; private set; }

    public int PackDueDaysBefore { get; private set; }

    /// <summary>The time of day the pack reminders go out.</summary>
    public TimeOnly RemindAt { get; private set; }

    /// <summary>The day of the week a weekly digest goes out.</summary>
    public DayOfWeek DigestDay { get; private set; }

    /// <summary>The time of day the digests go out.</summary>
    public TimeOnly DigestAt { get; private set; }

    /// <summary>Whether a commissioner's mail about a published update carries the document, not only a link to it.</summary>
    public bool AttachUpdates { get; private set; }

    /// <summary>Three days before the deadline at 09:00; digests on Mondays (weekly) and each day at 08:00; updates linked, not attached.</summary>
    public static MailSchedule Default(Guid providerId) => new(providerId, 3, new TimeOnly(9, 0), DayOfWeek.Monday, new TimeOnly(8, 0), attachUpdates: false);

    public void Change(int packDueDaysBefore, TimeOnly remindAt, DayOfWeek digestDay, TimeOnly digestAt, bool attachUpdates)
    {
        if (packDueDaysBefore is < 1 or > MostDaysBefore)
        {
            throw new DomainException($"The pack-due reminder goes between 1 and {MostDaysBefore} days before the deadline, not {packDueDaysBefore}.");
        }

        PackDueDaysBefore = packDueDaysBefore;
        RemindAt = remindAt;
        DigestDay = digestDay;
        DigestAt = digestAt;
        AttachUpdates = attachUpdates;
    }

    /// <summary>The month whose pack-due reminder goes out on <paramref name="day"/>, if any.</summary>
    public PackPeriod? PackDueOn(DateOnly day, int deadlineDays) => MonthEndingOn(day.AddDays(PackDueDaysBefore - deadlineDays));

    /// <summary>The month whose pack-missing reminder goes out on <paramref name="day"/> (the day after its deadline), if any.</summary>
    public static PackPeriod? PackMissingOn(DateOnly day, int deadlineDays) => MonthEndingOn(day.AddDays(-1 - deadlineDays));

    /// <summary>Whether a digest sent this often goes out on <paramref name="day"/>.</summary>
    public bool DigestGoesOn(DateOnly day, DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Daily => true,
        DigestFrequency.Weekly => day.DayOfWeek == DigestDay,
        _ => false,
    };

    /// <summary>The schedule as a sentence per message, with the dates it gives for the month just ended.</summary>
    public IReadOnlyList<string> Describe(int deadlineDays, DateOnly today)
    {
        var month = PackPeriod.Of(PackPeriod.LastComplete(today));
        var deadline = month.LastDay.AddDays(deadlineDays);
        var monthName = month.FirstDay.ToString("MMMM", CultureInfo.InvariantCulture);
        return
        [
            $"Pack due: {Days(PackDueDaysBefore)} before the deadline, at {Time(RemindAt)} (for {monthName}'s packs, due by {Day(deadline)}: {Day(deadline.AddDays(-PackDueDaysBefore))}).",
            $"Pack missing: the day after the deadline, at {Time(RemindAt)} (for {monthName}'s packs: {Day(deadline.AddDays(1))}).",
            $"Challenges waiting for a site's answer: every {DigestDay} at {Time(DigestAt)}, or every day for those who choose it.",
            $"New High challenges: every day at {Time(DigestAt)}, or every {DigestDay} for those who choose it.",
            AttachUpdates ? "A published recovery update is attached to its commissioner's mail." : "A published recovery update is linked from its commissioner's mail, not attached.",
        ];
    }

    private static PackPeriod? MonthEndingOn(DateOnly lastDay) =>
        lastDay == PackPeriod.Of(lastDay).LastDay ? PackPeriod.Of(lastDay) : null;

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMMM", CultureInfo.InvariantCulture);
}
