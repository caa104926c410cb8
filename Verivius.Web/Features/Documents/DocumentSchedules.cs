using Mediator;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Documents;

/// <summary>The provider's document schedules, each with its next three runs; or the values just typed, to show again beside their problems.</summary>
public sealed record GetSchedulesQuery(IReadOnlyDictionary<DocumentKind, (string? Cron, bool Enabled)>? Typed = null) : IQuery<SchedulesVm>;

/// <summary>New schedules as typed, by kind: a cron expression and whether it runs.</summary>
public sealed record SaveSchedulesCommand(IReadOnlyDictionary<DocumentKind, (string? Cron, bool Enabled)> Typed) : ICommand<Outcome>;

public sealed record SchedulesVm(IReadOnlyList<ScheduleRowVm> Rows, string TimeZone, bool SchedulerRunsHere);

public sealed record ScheduleRowVm(DocumentKind Kind, string Cron, bool Enabled, string DefaultCron, IReadOnlyList<DateTimeOffset> NextRuns);

internal sealed class DocumentSchedulesHandler : IQueryHandler<GetSchedulesQuery, SchedulesVm>, ICommandHandler<SaveSchedulesCommand, Outcome>
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
        List<(DocumentKind Kind, string Cron, bool Enabled)> rows = query.Typed is { } typed
            ? [.. DocumentKinds.Scheduled.Select(kind => (kind, typed.GetValueOrDefault(kind).Cron ?? "", typed.GetValueOrDefault(kind).Enabled))]
            : [.. (await DocumentScheduler.SchedulesOfAsync(_db, providerId, cancellationToken)).Select(s => (s.Kind, s.Cron, s.Enabled))];

        // Next runs only for expressions Quartz accepts: a typed mistake is shown with its problem instead.
        return new SchedulesVm(
            [.. rows.Select(r => new ScheduleRowVm(
                r.Kind, r.Cron, r.Enabled, DocumentSchedule.DefaultCron(r.Kind),
                r.Enabled && DocumentScheduler.ProblemWith(r.Cron) is null ? _scheduler.NextRuns(r.Cron.Trim(), _clock.GetUtcNow()) : []))],
            _scheduler.Zone.Id,
            _options.Enabled);
    }

    public async ValueTask<Outcome> Handle(SaveSchedulesCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var problems = DocumentKinds.Scheduled
            .Select(kind => (kind, problem: DocumentScheduler.ProblemWith(command.Typed.GetValueOrDefault(kind).Cron)))
            .Where(p => p.problem is not null)
            .Select(p => new FieldProblem(p.kind.ToString(), $"{DocumentKinds.Title(p.kind)}: {p.problem}"))
            .ToList();
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var schedules = await DocumentScheduler.SchedulesOfAsync(_db, providerId, cancellationToken);
        foreach (var schedule in schedules)
        {
            var (cron, enabled) = command.Typed[schedule.Kind];
            schedule.Change(cron!, enabled);
            if (_db.Entry(schedule).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
            {
                _db.DocumentSchedules.Add(schedule);
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        await _scheduler.SyncAsync(providerId, schedules, cancellationToken);
        return Outcome.Done;
    }
}
