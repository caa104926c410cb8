using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Outbox;

/// <summary>The provider's mail schedule as saved (or the default), in words and as the form shows it; or the values just typed beside their problems.</summary>
public sealed record GetMailScheduleQuery(MailScheduleForm? Typed = null) : IQuery<MailScheduleVm>;

public sealed record SaveMailScheduleCommand(MailScheduleForm Typed) : ICommand<Outcome>;

/// <summary>The form as typed: days before the deadline, times as HH:MM, the digest's day of the week.</summary>
public sealed record MailScheduleForm(string? PackDueDaysBefore, string? RemindAt, string? DigestDay, string? DigestAt, bool AttachUpdates)
{
    public static MailScheduleForm Of(MailSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(
            schedule.PackDueDaysBefore.ToString(CultureInfo.InvariantCulture),
            schedule.RemindAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            schedule.DigestDay.ToString(),
            schedule.DigestAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            schedule.AttachUpdates);
    }
}

/// <param name="InWords">The saved schedule, a sentence per message, with the dates it gives this month.</param>
/// <param name="DeadlineDays">Days after a month's end that its packs are due (the PROV-PACK-MISSING threshold).</param>
public sealed record MailScheduleVm(MailScheduleForm Typed, IReadOnlyList<string> InWords, int DeadlineDays, string TimeZone);

internal sealed class MailScheduleHandler :
    IQueryHandler<GetMailScheduleQuery, MailScheduleVm>,
    ICommandHandler<SaveMailScheduleCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly Hosting.SchedulingOptions _options;
    private readonly TimeProvider _clock;

    public MailScheduleHandler(VeriviusDbContext db, SiteAccess access, Hosting.SchedulingOptions options, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _options = options;
        _clock = clock;
    }

    public async ValueTask<MailScheduleVm> Handle(GetMailScheduleQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var saved = await _db.MailSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.ProviderId == providerId, cancellationToken) ?? MailSchedule.Default(providerId);
        var deadlineDays = await _db.ChallengeSettings.Where(c => c.ProviderId == providerId).Select(c => (int?)c.Thresholds.PackMissingDays).SingleOrDefaultAsync(cancellationToken)
            ?? ChallengeThresholds.Defaults.PackMissingDays;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone)).DateTime);
        return new MailScheduleVm(query.Typed ?? MailScheduleForm.Of(saved), saved.Describe(deadlineDays, today), deadlineDays, _options.TimeZone);
    }

    public async ValueTask<Outcome> Handle(SaveMailScheduleCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var typed = command.Typed;
        var problems = new List<FieldProblem>();
        var days = int.TryParse(typed.PackDueDaysBefore, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= MailSchedule.MostDaysBefore ? d : 0;
        if (days == 0)
        {
            problems.Add(new FieldProblem(nameof(typed.PackDueDaysBefore), $"Give a whole number of days from 1 to {MailSchedule.MostDaysBefore}, not \"{typed.PackDueDaysBefore}\"."));
        }

        var remindAt = Time(typed.RemindAt, nameof(typed.RemindAt), problems);
        var digestAt = Time(typed.DigestAt, nameof(typed.DigestAt), problems);
        if (!Enum.TryParse<DayOfWeek>(typed.DigestDay, ignoreCase: false, out var digestDay) || !Enum.IsDefined(digestDay))
        {
            problems.Add(new FieldProblem(nameof(typed.DigestDay), $"\"{typed.DigestDay}\" is not a day of the week."));
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var saved = await _db.MailSchedules.SingleOrDefaultAsync(s => s.ProviderId == providerId, cancellationToken);
        if (saved is null)
        {
            _db.MailSchedules.Add(new MailSchedule(providerId, days, remindAt, digestDay, digestAt, typed.AttachUpdates));
        }
        else
        {
            saved.Change(days, remindAt, digestDay, digestAt, typed.AttachUpdates);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private static TimeOnly Time(string? typed, string field, List<FieldProblem> problems)
    {
        if (TimeOnly.TryParseExact(typed?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problems.Add(new FieldProblem(field, $"Give a time of day as HH:MM, such as 09:00, not \"{typed}\"."));
        return default;
    }
}
