using Quartz;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Scheduling;
using Verivius.Web.Features.Admin.History;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Documents;
using Verivius.Web.Mail;

namespace Verivius.Web.Hosting;

/// <summary>The <c>Scheduling</c> settings: whether the scheduler runs here, and when the nightly work is done.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Off for instances that should only serve pages, and in tests that do not exercise the scheduler.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Create Quartz's tables when they are missing (the embedded database); a DBA may provision them instead.</summary>
    public bool ProvisionSchema { get; set; } = true;

    /// <summary>A Quartz cron expression (seconds first) in <see cref="TimeZone"/>.</summary>
    public string NightlyChallenges { get; set; } = "0 30 2 * * ?";

    /// <summary>When the day's change-history checkpoint is taken: after the nightly run has written its changes.</summary>
    public string HistoryCheckpoint { get; set; } = "0 15 3 * * ?";

    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>
    /// How long a starting instance serves pages before it takes scheduled and asked-for work: in a
    /// rolling release, lets the instances already running carry the work while the new one settles.
    /// </summary>
    public int StartDelaySeconds { get; set; }

    /// <summary>How often the outbox is looked at for messages due.</summary>
    public int MailEverySeconds { get; set; } = 15;

    /// <summary>How often the providers' mail schedules are looked at for reminders and digests due (each is sent once, at or after its time).</summary>
    public int RemindersEverySeconds { get; set; } = 300;
}

public static class Scheduling
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        services.AddQuartz(quartz =>
        {
            quartz.UsePortalDatabase(DatabaseConnection.From(configuration, contentRoot), options.ProvisionSchema);

            // A document asked for on another instance is only in the shared store: look for it every few seconds, not every half-minute.
            quartz.ConfigureScheduler(scheduler => scheduler.IdleWaitTime = TimeSpan.FromSeconds(5));
            quartz.AddJob<NightlyChallengesJob>(job => job.WithIdentity(NightlyChallengesJob.Key).StoreDurably().WithDescription("Run the challenge engine for every site"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(NightlyChallengesJob.Key)
                .WithIdentity("nightly-challenges", "challenges")
                .WithCronSchedule(options.NightlyChallenges, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            quartz.AddJob<HistoryCheckpointJob>(job => job.WithIdentity(HistoryCheckpointJob.Key).StoreDurably().WithDescription("Take the day's change-history checkpoint"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(HistoryCheckpointJob.Key)
                .WithIdentity("history-checkpoint", "history")
                .WithCronSchedule(options.HistoryCheckpoint, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            quartz.AddJob<MailDeliveryJob>(job => job.WithIdentity(MailDeliveryJob.Key).StoreDurably().WithDescription("Send the messages due in the outbox"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(MailDeliveryJob.Key)
                .WithIdentity("deliver-mail", "mail")
                .WithSimpleSchedule(every => every.WithInterval(TimeSpan.FromSeconds(options.MailEverySeconds)).RepeatForever()));
            quartz.AddJob<MailRemindersJob>(job => job.WithIdentity(MailRemindersJob.Key).StoreDurably().WithDescription("Put the reminders and digests due in the outbox"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(MailRemindersJob.Key)
                .WithIdentity("mail-reminders", "mail")
                .WithSimpleSchedule(every => every.WithInterval(TimeSpan.FromSeconds(options.RemindersEverySeconds)).RepeatForever()));
        });
        services.AddTransient<ScheduledDocumentsJob>();
        services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            hosted.StartDelay = options.StartDelaySeconds > 0 ? TimeSpan.FromSeconds(options.StartDelaySeconds) : null;
        });
        services.AddHostedService<DocumentScheduleSync>();
        return services;
    }
}
