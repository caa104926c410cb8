using Microsoft.EntityFrameworkCore;
using Quartz;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using SchedulingOptions = Verivius.Web.Hosting.SchedulingOptions;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// Keeps Quartz's triggers in step with the providers' document schedules: one durable job and one
/// cron trigger per (provider, kind), in Quartz's own tables. A trigger whose schedule has not changed
/// is left alone, so a run missed while the portal was down is still owed (and fires once) after a
/// restart. Where this instance runs no scheduler the schedules are still kept and shown.
/// </summary>
public sealed class DocumentScheduler
{
    private readonly ISchedulerFactory? _factory;
    private readonly TimeZoneInfo _zone;

    public DocumentScheduler(IServiceProvider services, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _factory = options.Enabled ? services.GetService<ISchedulerFactory>() : null;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    public TimeZoneInfo Zone => _zone;

    public static JobKey JobKeyOf(Guid providerId, DocumentKind kind) => new($"documents-{DocumentKinds.Slug(kind)}", $"provider-{providerId:N}");

    /// <summary>Null for a cron expression Quartz accepts, else what is wrong with it in Quartz's words.</summary>
    public static string? ProblemWith(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "Enter a cron expression, such as 0 0 6 3 * ? for 06:00 on the 3rd of each month.";
        }

        try
        {
            _ = new CronExpression(cron.Trim());
            return cron.Trim().Length > DocumentSchedule.MaxCronLength ? $"A cron expression can be at most {DocumentSchedule.MaxCronLength} characters." : null;
        }
        catch (FormatException invalid)
        {
            return $"'{cron.Trim()}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]): {invalid.Message}";
        }
    }

    /// <summary>The next <paramref name="count"/> times the expression fires after <paramref name="after"/>, in the portal's time zone.</summary>
    public IReadOnlyList<DateTimeOffset> NextRuns(string cron, DateTimeOffset after, int count = 3)
    {
        var expression = new CronExpression(cron, _zone);
        var runs = new List<DateTimeOffset>();
        for (var at = expression.GetNextValidTimeAfter(after); at is { } next && runs.Count < count; at = expression.GetNextValidTimeAfter(next))
        {
            runs.Add(TimeZoneInfo.ConvertTime(next, _zone));
        }

        return runs;
    }

    /// <summary>The next runs of a schedule after <paramref name="after"/>, in the portal's time zone: by Quartz for cron, by the phrase otherwise.</summary>
    public IReadOnlyList<DateTimeOffset> NextRuns(DocumentSchedule schedule, DateTimeOffset after, int deadlineDays, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Timing == ScheduleTiming.Cron)
        {
            return NextRuns(schedule.Cron, after, count);
        }

        var local = TimeZoneInfo.ConvertTime(after, _zone).DateTime;
        return [.. schedule.NextRuns(local, deadlineDays, WorkingDays.EnglandAndWales, count).Select(run => new DateTimeOffset(run, _zone.GetUtcOffset(run)))];
    }

    /// <summary>Days after a month's end that its packs are due: the provider's PROV-PACK-MISSING threshold.</summary>
    public static async Task<int> DeadlineDaysAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var thresholds = await db.ChallengeSettings.Where(c => c.ProviderId == providerId).Select(c => c.Thresholds).FirstOrDefaultAsync(cancellationToken);
        return (thresholds ?? ChallengeThresholds.Defaults).PackMissingDays;
    }

    /// <summary>The provider's schedules: those it has saved, and the defaults for the kinds it has not.</summary>
    public static async Task<List<DocumentSchedule>> SchedulesOfAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        var saved = await db.DocumentSchedules.Where(s => s.ProviderId == providerId).ToListAsync(cancellationToken);
        return [.. DocumentKinds.Scheduled.Select(kind => saved.FirstOrDefault(s => s.Kind == kind) ?? DocumentSchedule.Default(providerId, kind))];
    }

    public async Task SyncAsync(Guid providerId, IEnumerable<DocumentSchedule> schedules, CancellationToken cancellationToken)
    {
        if (_factory is null)
        {
            return;
        }

        var scheduler = await _factory.GetScheduler(cancellationToken);
        foreach (var schedule in schedules)
        {
            var jobKey = JobKeyOf(providerId, schedule.Kind);
            var triggerKey = new TriggerKey(jobKey.Name, jobKey.Group);
            if (!schedule.Enabled)
            {
                await scheduler.DeleteJob(jobKey, cancellationToken);
                continue;
            }

            var existing = await scheduler.GetTrigger(triggerKey, cancellationToken) as ICronTrigger;
            if (existing is not null && existing.CronExpressionString == schedule.Cron && existing.TimeZone.Id == _zone.Id)
            {
                continue;
            }

            var job = JobBuilder.Create<ScheduledDocumentsJob>()
                .WithIdentity(jobKey)
                .WithDescription($"Write the {DocumentKinds.Title(schedule.Kind).ToLowerInvariant()}s of provider {providerId}")
                .UsingJobData(ScheduledDocumentsJob.ProviderKey, providerId.ToString())
                .UsingJobData(ScheduledDocumentsJob.KindKey, schedule.Kind.ToString())
                .StoreDurably()
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(triggerKey)
                .ForJob(jobKey)
                .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(_zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }
    }
}

/// <summary>At start-up, gives every provider's schedules their triggers (new providers get the defaults).</summary>
internal sealed class DocumentScheduleSync : IHostedService
{
    private readonly IServiceScopeFactory _scopes;

    public DocumentScheduleSync(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var scheduler = scope.ServiceProvider.GetRequiredService<DocumentScheduler>();
        foreach (var providerId in await db.Providers.Select(p => p.Id).ToListAsync(cancellationToken))
        {
            await scheduler.SyncAsync(providerId, await DocumentScheduler.SchedulesOfAsync(db, providerId, cancellationToken), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
