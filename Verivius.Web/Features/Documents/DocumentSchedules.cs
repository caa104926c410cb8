using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Documents;

/// <summary>The provider's document schedules, each with its next three runs; or the values just typed, to show again beside their problems.</summary>
public sealed record GetSchedulesQuery(IReadOnlyDictionary<DocumentKind, ScheduleForm>? Typed = null) : IQuery<SchedulesVm>;

/// <summary>New schedules as typed, by kind.</summary>
public sealed record SaveSchedulesCommand(IReadOnlyDictionary<DocumentKind, ScheduleForm> Typed) : ICommand<Outcome>;

/// <summary>Names the approver of the provider's outward documents beside its nominated individual, or with none leaves approval to the nominated individual.</summary>
public sealed record NameDocumentApproverCommand(string? UserId) : ICommand<Outcome>;

/// <summary>
/// One schedule as typed: <c>Timing</c> is <c>day-of-month</c>, <c>working-day</c> or <c>cron</c>;
/// the day of the month or the number of working days after the deadline; the time as HH:MM; and the
/// cron expression, used only when chosen.
/// </summary>
public sealed record ScheduleForm(string? Timing, string? DayOfMonth, string? WorkingDay, string? At, string? Cron, bool Enabled)
{
    public const string ByDayOfMonth = "day-of-month";
    public const string ByWorkingDay = "working-day";
    public const string ByCron = "cron";

    public static ScheduleForm Of(DocumentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var at = schedule.Timing == ScheduleTiming.Cron ? "06:00" : schedule.At.ToString("HH:mm", CultureInfo.InvariantCulture);
        return schedule.Timing switch
        {
            ScheduleTiming.DayOfMonth => new(ByDayOfMonth, Day(schedule.Day), "1", at, "", schedule.Enabled),
            ScheduleTiming.WorkingDayAfterDeadline => new(ByWorkingDay, "11", Day(schedule.Day), at, "", schedule.Enabled),
            _ => new(ByCron, "11", "1", at, schedule.Cron, schedule.Enabled),
        };

        static string Day(int day) => day.ToString(CultureInfo.InvariantCulture);
    }
}

/// <param name="Approvers">Who may be named the approver; <paramref name="ApproverId"/> is the one named, if any.</param>
public sealed record SchedulesVm(IReadOnlyList<ScheduleRowVm> Rows, string TimeZone, int DeadlineDays, bool SchedulerRunsHere, IReadOnlyList<ApproverCandidateVm> Approvers, string? ApproverId);

/// <param name="InWords">The saved schedule in words, or null while typed values are shown again.</param>
public sealed record ScheduleRowVm(DocumentKind Kind, ScheduleForm Typed, string? InWords, string DefaultInWords, IReadOnlyList<DateTimeOffset> NextRuns);

internal sealed class DocumentSchedulesHandler :
    IQueryHandler<GetSchedulesQuery, SchedulesVm>,
    ICommandHandler<SaveSchedulesCommand, Outcome>,
    ICommandHandler<NameDocumentApproverCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly DocumentScheduler _scheduler;
    private readonly Hosting.SchedulingOptions _options;
    private readonly TimeProvider _clock;

    public DocumentSchedulesHandler(VeriviusDbContext db, SiteAccess access, DocumentScheduler scheduler, Hosting.SchedulingOptions options, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _scheduler = scheduler;
        _options = options;
        _clock = clock;
    }

    public async ValueTask<SchedulesVm> Handle(GetSchedulesQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var deadlineDays = await DocumentScheduler.DeadlineDaysAsync(_db, providerId, cancellationToken);
        var saved = await DocumentScheduler.SchedulesOfAsync(_db, providerId, cancellationToken);
        var rows = new List<ScheduleRowVm>();
        foreach (var schedule in saved)
        {
            var defaults = DocumentSchedule.Default(providerId, schedule.Kind).Describe();
            if (query.Typed?.GetValueOrDefault(schedule.Kind) is { } typed)
            {
                // Next runs only for what reads: a typed mistake is shown with its problem instead.
                var read = Read(schedule.Kind, typed, []);
                var next = read is { } r && typed.Enabled ? _scheduler.NextRuns(new DocumentSchedule(providerId, schedule.Kind, r.Timing, r.Day, r.At, r.Cron), _clock.GetUtcNow(), deadlineDays) : [];
                rows.Add(new ScheduleRowVm(schedule.Kind, typed, null, defaults, next));
            }
            else
            {
                rows.Add(new ScheduleRowVm(schedule.Kind, ScheduleForm.Of(schedule), schedule.Describe(), defaults, schedule.Enabled ? _scheduler.NextRuns(schedule, _clock.GetUtcNow(), deadlineDays) : []));
            }
        }

        var approverId = await _db.Providers.Where(p => p.Id == providerId).Select(p => p.DocumentApproverId).SingleAsync(cancellationToken);
        return new SchedulesVm(rows, _scheduler.Zone.Id, deadlineDays, _options.Enabled, await DocumentApprovers.CandidatesAsync(_db, providerId, cancellationToken), approverId);
    }

    public async ValueTask<Outcome> Handle(NameDocumentApproverCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var userId = string.IsNullOrWhiteSpace(command.UserId) ? null : command.UserId.Trim();
        if (userId is not null && !(await DocumentApprovers.CandidatesAsync(_db, providerId, cancellationToken)).Any(c => c.Id == userId))
        {
            return Outcome.Refused(nameof(command.UserId), "Name someone of your provider who reads all its documents: its nominated individual or one of its admins, with their account enabled.");
        }

        var provider = await _db.Providers.SingleAsync(p => p.Id == providerId, cancellationToken);
        provider.NameDocumentApprover(userId);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<Outcome> Handle(SaveSchedulesCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var problems = new List<FieldProblem>();
        var read = DocumentKinds.Scheduled.ToDictionary(kind => kind, kind => Read(kind, command.Typed.GetValueOrDefault(kind) ?? new ScheduleForm(null, null, null, null, null, false), problems));
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var schedules = await DocumentScheduler.SchedulesOfAsync(_db, providerId, cancellationToken);
        foreach (var schedule in schedules)
        {
            var (timing, day, at, cron) = read[schedule.Kind]!.Value;
            schedule.Change(timing, day, at, cron, command.Typed[schedule.Kind].Enabled);
            if (_db.Entry(schedule).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
            {
                _db.DocumentSchedules.Add(schedule);
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        await _scheduler.SyncAsync(providerId, schedules, cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The timing a row's fields say, or null with what is wrong added to <paramref name="problems"/>.</summary>
    private static (ScheduleTiming Timing, int Day, TimeOnly At, string? Cron)? Read(DocumentKind kind, ScheduleForm form, List<FieldProblem> problems)
    {
        var title = DocumentKinds.Title(kind);
        var field = kind.ToString();
        if (form.Timing == ScheduleForm.ByCron)
        {
            if (DocumentScheduler.ProblemWith(form.Cron) is { } cronProblem)
            {
                problems.Add(new FieldProblem($"{field}.Cron", $"{title}: {cronProblem}"));
                return null;
            }

            return (ScheduleTiming.Cron, 0, default, form.Cron!.Trim());
        }

        var timing = form.Timing == ScheduleForm.ByDayOfMonth ? ScheduleTiming.DayOfMonth : ScheduleTiming.WorkingDayAfterDeadline;
        var dayText = timing == ScheduleTiming.DayOfMonth ? form.DayOfMonth : form.WorkingDay;
        var dayField = timing == ScheduleTiming.DayOfMonth ? $"{field}.DayOfMonth" : $"{field}.WorkingDay";
        var before = problems.Count;
        if (!int.TryParse(dayText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day) || DocumentSchedule.ProblemWith(timing, day) is not null)
        {
            problems.Add(new FieldProblem(dayField, $"{title}: {DocumentSchedule.ProblemWith(timing, day < 1 ? 0 : day) ?? "enter a number."}"));
        }

        if (!TimeOnly.TryParseExact(form.At?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            problems.Add(new FieldProblem($"{field}.At", $"{title}: enter the time as HH:MM on the 24-hour clock, such as 06:00."));
        }

        return problems.Count == before ? (timing, day, at, null) : null;
    }
}
