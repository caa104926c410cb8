using Microsoft.EntityFrameworkCore;
using Quartz;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Mail;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;

namespace Verivius.Web.Mail;

/// <summary>
/// The reminders and digests each provider's mail schedule says are due today, put in the outbox once
/// their time of day has come: pack due and pack missing to a site's registered managers, the
/// challenges waiting for a site's answer to its registered managers, and new High challenges to the
/// nominated individual. Each carries a key naming its site, month or day and recipient, so however
/// often this runs (every few minutes, on any instance, after a restart) each is sent at most once;
/// a portal that was down at the time sends the day's reminders when it comes back that day.
/// </summary>
internal sealed class MailReminders
{
    private readonly VeriviusDbContext _db;
    private readonly MailComposer _mail;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _clock;

    public MailReminders(VeriviusDbContext db, MailComposer mail, Hosting.SchedulingOptions options, TimeProvider clock)
    {
        _db = db;
        _mail = mail;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _clock = clock;
    }

    /// <summary>Adds and saves every reminder and digest due now that is not yet in the outbox; how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), _zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var now = TimeOnly.FromDateTime(local.DateTime);
        var providers = await _db.Providers.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var schedules = await _db.MailSchedules.AsNoTracking().ToDictionaryAsync(s => s.ProviderId, cancellationToken);
        var deadlines = await _db.ChallengeSettings.AsNoTracking().ToDictionaryAsync(c => c.ProviderId, c => c.Thresholds.PackMissingDays, cancellationToken);
        var added = 0;
        foreach (var provider in providers)
        {
            var schedule = schedules.GetValueOrDefault(provider.Id) ?? MailSchedule.Default(provider.Id);
            var deadlineDays = deadlines.GetValueOrDefault(provider.Id, ChallengeThresholds.Defaults.PackMissingDays);
            if (now >= schedule.RemindAt)
            {
                if (schedule.PackDueOn(today, deadlineDays) is { } due)
                {
                    added += await PackRemindersAsync(provider.Id, provider.Name, MailKinds.PackDue, due, deadlineDays, today, cancellationToken);
                }

                if (MailSchedule.PackMissingOn(today, deadlineDays) is { } missing)
                {
                    added += await PackRemindersAsync(provider.Id, provider.Name, MailKinds.PackMissing, missing, deadlineDays, today, cancellationToken);
                }
            }

            if (now >= schedule.DigestAt)
            {
                added += await ChallengesWaitingAsync(provider.Id, provider.Name, schedule, today, cancellationToken);
                added += await NewHighChallengesAsync(provider.Id, provider.Name, schedule, today, cancellationToken);
            }

            await _db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    private async Task<int> PackRemindersAsync(Guid providerId, string providerName, string kind, PackPeriod month, int deadlineDays, DateOnly today, CancellationToken cancellationToken)
    {
        var first = month.FirstDay;
        var sites = await _db.Sites.AsNoTracking()
            .Where(s => s.ProviderId == providerId && s.IsActive && s.ReportingFrom <= first && !_db.Packs.Any(p => p.SiteId == s.Id && p.Period == first))
            .Select(s => new { s.Id, s.Code, s.Name })
            .ToListAsync(cancellationToken);
        var siteIds = sites.Select(s => s.Id).ToList();
        var managers = await ManagersOfAsync(providerId, siteIds, cancellationToken);
        var deadline = month.LastDay.AddDays(deadlineDays);
        var added = 0;
        foreach (var site in sites)
        {
            var packs = _mail.Link($"/sites/{site.Code}/packs");
            var message = kind == MailKinds.PackDue
                ? new MailMessageVm(
                    $"{site.Name}: the {first.ToBritishMonth()} pack is due by {deadline.ToBritishDate()}",
                    [
                        $"Verivius has no pack yet from {site.Name} ({site.Code}) for {first.ToBritishMonth()}. It is due by {deadline.ToBritishDate()}, {InDays(deadline.DayNumber - today.DayNumber)}.",
                        "Download the template on the site's packs page (it comes filled with the records still open from last month), complete it and upload it there.",
                    ],
                    $"Open {site.Name}'s packs",
                    packs,
                    $"You get this because you are a registered manager of {site.Name} at {providerName}.")
                : new MailMessageVm(
                    $"{site.Name}: the {first.ToBritishMonth()} pack is missing",
                    [
                        $"The {first.ToBritishMonth()} pack for {site.Name} ({site.Code}) was due by {deadline.ToBritishDate()} and has not arrived.",
                        $"Until it does, the site's figures for {first.ToBritishMonth()} are missing from {providerName}'s oversight, and a High challenge (PROV-PACK-MISSING) stands against the site.",
                    ],
                    $"Upload {site.Name}'s pack",
                    packs,
                    $"You get this because you are a registered manager of {site.Name} at {providerName}.");
            foreach (var manager in managers.Where(m => m.SiteId == site.Id))
            {
                if (await _mail.AddAsync(_db, providerId, kind, manager.Recipient, message, cancellationToken, $"{kind}:{site.Id:N}:{first:yyyy-MM}:{manager.Recipient.UserId}"))
                {
                    added++;
                }
            }
        }

        return added;
    }

    private async Task<int> ChallengesWaitingAsync(Guid providerId, string providerName, MailSchedule schedule, DateOnly today, CancellationToken cancellationToken)
    {
        var managers = await ManagersOfAsync(providerId, null, cancellationToken);
        var waiting = await _db.Challenges.AsNoTracking()
            .Where(c => c.Status == ChallengeStatus.Open && _db.Sites.Any(s => s.Id == c.SiteId && s.ProviderId == providerId && s.IsActive))
            .GroupBy(c => c.SiteId)
            .Select(g => new { SiteId = g.Key, Count = g.Count(), High = g.Count(c => c.Severity == ChallengeSeverity.High), Oldest = g.Min(c => c.OpenedOn) })
            .ToDictionaryAsync(g => g.SiteId, cancellationToken);
        var names = await SiteNamesAsync(providerId, cancellationToken);
        var added = 0;
        foreach (var manager in managers.GroupBy(m => m.Recipient))
        {
            var choices = await MailComposer.ChoicesOfAsync(_db, manager.Key.UserId, cancellationToken);
            var sites = manager.Select(m => m.SiteId).Where(waiting.ContainsKey).Select(id => (Site: names[id], Waiting: waiting[id])).OrderBy(s => s.Site.Name).ToList();
            if (sites.Count == 0 || !schedule.DigestGoesOn(today, choices.ChallengesDigest))
            {
                continue;
            }

            var total = sites.Sum(s => s.Waiting.Count);
            var message = new MailMessageVm(
                $"{Challenges(total)} wait for your {(sites.Count == 1 ? "site's" : "sites'")} answer",
                [
                    $"These challenges have had no answer from the site yet, as of {today.ToBritishDate()}:",
                    .. sites.Select(s => $"{s.Site.Name} ({s.Site.Code}): {Challenges(s.Waiting.Count)}{(s.Waiting.High > 0 ? $", {s.Waiting.High} of them High" : "")}; the oldest open since {s.Waiting.Oldest.ToBritishDate()}."),
                    "Answer each on its page: say what the site has done, and cite the records that show it.",
                ],
                "See the challenges waiting",
                _mail.Link("/challenges?status=Open"),
                $"You get this {(choices.ChallengesDigest == DigestFrequency.Daily ? "each day" : $"each {schedule.DigestDay}")} because you are a registered manager at {providerName}.");
            if (await _mail.AddAsync(_db, providerId, MailKinds.ChallengesWaiting, manager.Key, message, cancellationToken, $"{MailKinds.ChallengesWaiting}:{manager.Key.UserId}:{today:yyyy-MM-dd}"))
            {
                added++;
            }
        }

        return added;
    }

    private async Task<int> NewHighChallengesAsync(Guid providerId, string providerName, MailSchedule schedule, DateOnly today, CancellationToken cancellationToken)
    {
        var individuals = await ProviderPeople.InRoles(_db, providerId, Roles.NominatedIndividual)
            .Select(u => new MailRecipient(u.Id, u.Email!)).ToListAsync(cancellationToken);
        var names = await SiteNamesAsync(providerId, cancellationToken);
        var added = 0;
        foreach (var individual in individuals)
        {
            var choices = await MailComposer.ChoicesOfAsync(_db, individual.UserId, cancellationToken);
            if (!schedule.DigestGoesOn(today, choices.HighChallengesDigest))
            {
                continue;
            }

            var until = _clock.GetUtcNow();
            var since = until - (choices.HighChallengesDigest == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7));
            var raised = await _db.Challenges.AsNoTracking()
                .Where(c => c.Severity == ChallengeSeverity.High && c.CreatedAt > since && c.CreatedAt <= until && ChallengeStatuses.Active.Contains(c.Status)
                    && _db.Sites.Any(s => s.Id == c.SiteId && s.ProviderId == providerId))
                .Select(c => new { c.SiteId, c.Code })
                .ToListAsync(cancellationToken);
            if (raised.Count == 0)
            {
                continue;
            }

            var bySite = raised.GroupBy(c => c.SiteId).Select(g => (Site: names[g.Key], Codes: g.GroupBy(c => c.Code).OrderBy(c => c.Key, StringComparer.Ordinal).ToList()))
                .OrderByDescending(s => s.Codes.Sum(c => c.Count())).ThenBy(s => s.Site.Name).ToList();
            var message = new MailMessageVm(
                $"{raised.Count} new High {(raised.Count == 1 ? "challenge" : "challenges")} at {providerName} since {since.ToBritishTime()}",
                [
                    $"The challenge engine raised {raised.Count} High {(raised.Count == 1 ? "challenge" : "challenges")} at {bySite.Count} {(bySite.Count == 1 ? "site" : "sites")} since {since.ToBritishTime()}:",
                    .. bySite.Select(s => $"{s.Site.Name} ({s.Site.Code}): " + string.Join("; ", s.Codes.Select(c => $"{ChallengeCatalogue.Of(c.Key).Title} ({c.Key}){(c.Count() > 1 ? $" ×{c.Count()}" : "")}")) + "."),
                ],
                "See the High challenges",
                _mail.Link("/challenges?severity=High"),
                $"You get this {(choices.HighChallengesDigest == DigestFrequency.Daily ? "each day" : $"each {schedule.DigestDay}")} there are new High challenges, because you are {providerName}'s nominated individual.");
            if (await _mail.AddAsync(_db, providerId, MailKinds.NewHighChallenges, individual, message, cancellationToken, $"{MailKinds.NewHighChallenges}:{individual.UserId}:{today:yyyy-MM-dd}"))
            {
                added++;
            }
        }

        return added;
    }

    /// <summary>The provider's registered managers with each site they are given, of the sites named (or all).</summary>
    private async Task<List<(Guid SiteId, MailRecipient Recipient)>> ManagersOfAsync(Guid providerId, IReadOnlyCollection<Guid>? siteIds, CancellationToken cancellationToken)
    {
        var assigned = _db.SiteAssignments.AsNoTracking().Where(a => siteIds == null || siteIds.Contains(a.SiteId));
        var rows = await ProviderPeople.InRoles(_db, providerId, Roles.RegisteredManager)
            .Join(assigned, u => u.Id, a => a.UserId, (u, a) => new { a.SiteId, u.Id, u.Email })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.SiteId, new MailRecipient(r.Id, r.Email!)))];
    }

    private async Task<Dictionary<Guid, (string Code, string Name)>> SiteNamesAsync(Guid providerId, CancellationToken cancellationToken) =>
        (await _db.Sites.AsNoTracking().Where(s => s.ProviderId == providerId).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, s => (s.Code, s.Name));

    private static string Challenges(int count) => count == 1 ? "1 challenge" : $"{count} challenges";

    private static string InDays(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {days} days",
    };
}

/// <summary>The reminders and digests due, every few minutes on the shared Quartz store: one run at a time across every instance.</summary>
[DisallowConcurrentExecution]
internal sealed class MailRemindersJob : IJob
{
    public static readonly JobKey Key = new("mail-reminders", "mail");

    private readonly IServiceScopeFactory _scopes;

    public MailRemindersJob(IServiceScopeFactory scopes) => _scopes = scopes;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Security.CurrentActor>().AssumeOperator("mail reminders");
        await scope.ServiceProvider.GetRequiredService<MailReminders>().SendDueAsync(cancellationToken);
    }
}
