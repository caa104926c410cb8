using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// Counts <see cref="SiteMonthFigures"/> from the records: for the months a save touched (<see cref="FiguresTouched"/>),
/// in the save's own transaction, and for whole sites when <c>rebuild-figures</c> checks or restores them.
/// One command sends, per site and month, the incidents (notifiable, under the duty of candour, and those the
/// challenge engine judged late), the actions due and those closed on time, the
/// shifts and hours, and one row per member of staff on each training matrix and supervision record
/// (courses not completed and the first expiry, or the newest supervision), judged here at each month's end.
/// </summary>
public static class SiteMonthCounting
{
    private const string Incidents = "incidents";
    private const string Notifiable = "notifiable";
    private const string NotifiedLate = "notified-late";
    private const string Candour = "candour";
    private const string CandourLate = "candour-late";
    private const string Actions = "actions";
    private const string Shifts = "shifts";
    private const string Hours = "hours";
    private const string Training = "training-staff";
    private const string Supervision = "supervision-staff";

    // Sites are rebuilt a batch at a time: enough to keep the commands few, few enough that one batch's staff rows fit in memory.
    private const int SitesPerBatch = 25;

    /// <summary>Counts again, in the current transaction, the months a save touched; the context saves the counted rows.</summary>
    internal static async Task RecountAsync(VeriviusDbContext db, FiguresTouched touched, CancellationToken cancellationToken)
    {
        // One command for the judged incidents of every site; a reference matched at another site is dropped here.
        var judged = touched.IncidentsJudged.ToHashSet();
        if (judged.Count > 0)
        {
            var judgedSites = judged.Select(i => i.SiteId).Distinct().ToList();
            var judgedRefs = judged.Select(i => i.Ref).Distinct().ToList();
            var incidents = await db.Incidents.Where(i => judgedSites.Contains(i.SiteId) && judgedRefs.Contains(i.Ref))
                .Select(i => new { i.SiteId, i.Ref, i.Details.OccurredOn }).ToListAsync(cancellationToken);
            foreach (var incident in incidents.Where(i => judged.Contains((i.SiteId, i.Ref))))
            {
                touched.AddIncidentMonth(incident.SiteId, incident.OccurredOn);
            }
        }

        // A provider whose interval changed has every month of its sites counted; those sites need nothing more.
        var rebuilt = new HashSet<Guid>();
        foreach (var providerId in touched.Providers)
        {
            var sites = await db.Sites.Where(s => s.ProviderId == providerId).Select(s => s.Id).ToListAsync(cancellationToken);
            await RebuildSitesAsync(db, sites, cancellationToken);
            rebuilt.UnionWith(sites);
        }

        // Sites whose touched months are the same are counted together: a night's judgements touch the current month of many sites.
        foreach (var span in touched.Sites.Where(s => !rebuilt.Contains(s.Key)).GroupBy(s => s.Value, s => s.Key))
        {
            var (from, to) = span.Key;
            var siteIds = span.ToList();
            await db.SiteMonthFigures.Where(f => siteIds.Contains(f.SiteId) && f.Month >= from && f.Month <= to).ExecuteDeleteAsync(cancellationToken);
            db.SiteMonthFigures.AddRange(await CountAsync(db, siteIds, from, to, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            DetachCounted(db);
        }
    }

    /// <summary>
    /// Counts every month of the given sites (all sites when none are given) from their records alone and
    /// replaces what was kept, a batch of sites per transaction; returns how many kept months differed.
    /// When any did, the recount is recorded in the change history (<see cref="FiguresRecount"/>), which moves
    /// its head: an instance keeping figures computed before the recount, in this process or another, computes them again.
    /// </summary>
    public static async Task<int> RebuildAsync(VeriviusDbContext db, IReadOnlyCollection<Guid>? siteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sites = siteIds ?? await db.Sites.OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(cancellationToken);
        var differed = 0;
        foreach (var batch in sites.Chunk(SitesPerBatch))
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            differed += await RebuildSitesAsync(db, batch, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (differed > 0)
        {
            db.FiguresRecounts.Add(new FiguresRecount(sites.Count, differed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return differed;
    }

    /// <summary>Counts the figures of sites that have records but no figures (a database from before they were kept); returns how many.</summary>
    public static async Task<int> CountUncountedAsync(VeriviusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var uncounted = await db.Sites
            .Where(s => !db.SiteMonthFigures.Any(f => f.SiteId == s.Id)
                && (db.Incidents.Any(i => i.SiteId == s.Id) || db.Actions.Any(a => a.SiteId == s.Id && a.Details.DueOn != null) || db.Staffing.Any(w => w.SiteId == s.Id)
                    || db.Training.Any(t => t.SiteId == s.Id) || db.Supervision.Any(v => v.SiteId == s.Id)))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        await RebuildAsync(db, uncounted, cancellationToken);
        return uncounted.Count;
    }

    private static async Task<int> RebuildSitesAsync(VeriviusDbContext db, IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken)
    {
        var kept = await db.SiteMonthFigures.AsNoTracking().Where(f => siteIds.Contains(f.SiteId)).ToListAsync(cancellationToken);
        var counted = await SpanOfAsync(db, siteIds, cancellationToken) is var (from, to) ? await CountAsync(db, siteIds, from, to, cancellationToken) : [];
        var differed = kept.Select(Fingerprint).ToHashSet();
        differed.SymmetricExceptWith(counted.Select(Fingerprint));
        await db.SiteMonthFigures.Where(f => siteIds.Contains(f.SiteId)).ExecuteDeleteAsync(cancellationToken);
        db.SiteMonthFigures.AddRange(counted);
        await db.SaveChangesAsync(cancellationToken);
        DetachCounted(db);
        return differed.Select(f => (f.SiteId, f.Month)).Distinct().Count();
    }

    /// <summary>Every value of a kept month, to compare what was kept with what the records give.</summary>
    public static (Guid SiteId, DateOnly Month, (int, int, int, int, int), int, int, int, int, double, double, int?, int?, int?, int?) Fingerprint(SiteMonthFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f.SiteId, f.Month, (f.Incidents, f.Notifiable, f.NotifiedLate, f.CandourIncidents, f.CandourLate), f.ActionsDue, f.ActionsClosedOnTime, f.ShiftsPlanned, f.ShiftsUnfilled, Math.Round(f.HoursWorked, 6), Math.Round(f.AgencyHours, 6),
            f.TrainingStaff, f.TrainingInDate, f.SupervisionStaff, f.SupervisedOnTime);
    }

    // Counted rows are written, not worked on: leaving them tracked would only slow the context's next save.
    private static void DetachCounted(VeriviusDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<SiteMonthFigures>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The first month any of the sites' counted records falls in, to the last month a training or supervision record stands for.</summary>
    private static async Task<(DateOnly From, DateOnly To)?> SpanOfAsync(VeriviusDbContext db, IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken)
    {
        DateOnly?[] firsts =
        [
            await db.Incidents.Where(i => siteIds.Contains(i.SiteId)).MinAsync(i => (DateOnly?)i.Details.OccurredOn, cancellationToken),
            await db.Actions.Where(a => siteIds.Contains(a.SiteId)).MinAsync(a => a.Details.DueOn, cancellationToken),
            await db.Staffing.Where(w => siteIds.Contains(w.SiteId)).MinAsync(w => (DateOnly?)w.Details.WeekStarting, cancellationToken),
            await db.Training.Where(t => siteIds.Contains(t.SiteId)).MinAsync(t => (DateOnly?)t.Period, cancellationToken),
            await db.Supervision.Where(s => siteIds.Contains(s.SiteId)).MinAsync(s => (DateOnly?)s.Period, cancellationToken),
        ];
        DateOnly?[] lasts =
        [
            await db.Incidents.Where(i => siteIds.Contains(i.SiteId)).MaxAsync(i => (DateOnly?)i.Details.OccurredOn, cancellationToken),
            await db.Actions.Where(a => siteIds.Contains(a.SiteId)).MaxAsync(a => a.Details.DueOn, cancellationToken),
            await db.Staffing.Where(w => siteIds.Contains(w.SiteId)).MaxAsync(w => (DateOnly?)w.Details.WeekStarting, cancellationToken),
            (await db.Training.Where(t => siteIds.Contains(t.SiteId)).MaxAsync(t => (DateOnly?)t.Period, cancellationToken))?.AddMonths(WorkforceMeasures.MonthsARecordStands - 1),
            (await db.Supervision.Where(s => siteIds.Contains(s.SiteId)).MaxAsync(s => (DateOnly?)s.Period, cancellationToken))?.AddMonths(WorkforceMeasures.MonthsARecordStands - 1),
        ];
        return firsts.Min() is { } first && lasts.Max() is { } last ? (FirstOfMonth(first), FirstOfMonth(last)) : null;
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The figures of the sites for every month from <paramref name="from"/> to <paramref name="to"/> (first days), leaving out empty months.</summary>
    private static async Task<List<SiteMonthFigures>> CountAsync(VeriviusDbContext db, IReadOnlyCollection<Guid> siteIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = (await CountedRows(db, siteIds, from, to).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var supervisionDays = await db.Sites.Where(s => siteIds.Contains(s.Id))
            .Select(s => new { s.Id, Days = db.ChallengeSettings.Where(c => c.ProviderId == s.ProviderId).Select(c => (int?)c.Thresholds.SupervisionDays).FirstOrDefault() })
            .ToDictionaryAsync(s => s.Id, s => s.Days ?? ChallengeThresholds.Defaults.SupervisionDays, cancellationToken);
        var counted = new List<SiteMonthFigures>();
        foreach (var siteId in siteIds)
        {
            var site = rows[siteId].ToLookup(r => (r.Series, Month: new DateOnly(r.Year, r.Month, 1)));
            MonthlyCount? In(string series, DateOnly month) => site[(series, month)].FirstOrDefault();
            List<MonthlyCount>? Standing(string series, DateOnly month) =>
                WorkforceMeasures.StandingFor(month, site.Where(g => g.Key.Series == series).Select(g => g.Key.Month)) is { } period ? [.. site[(series, period)]] : null;
            for (var month = from; month <= to; month = month.AddMonths(1))
            {
                var at = WorkforceMeasures.MeasuredAt(month);
                var training = Standing(Training, month);
                var supervision = Standing(Supervision, month);
                var figures = new SiteMonthFigures
                {
                    SiteId = siteId,
                    Month = month,
                    Incidents = (int)(In(Incidents, month)?.Count ?? 0),
                    Notifiable = (int)(In(Notifiable, month)?.Count ?? 0),
                    NotifiedLate = (int)(In(NotifiedLate, month)?.Count ?? 0),
                    CandourIncidents = (int)(In(Candour, month)?.Count ?? 0),
                    CandourLate = (int)(In(CandourLate, month)?.Count ?? 0),
                    ActionsDue = (int)(In(Actions, month)?.Count ?? 0),
                    ActionsClosedOnTime = (int)(In(Actions, month)?.Part ?? 0),
                    ShiftsPlanned = (int)(In(Shifts, month)?.Count ?? 0),
                    ShiftsUnfilled = (int)(In(Shifts, month)?.Part ?? 0),
                    HoursWorked = In(Hours, month)?.Count ?? 0,
                    AgencyHours = In(Hours, month)?.Part ?? 0,
                    TrainingStaff = training?.Count,
                    TrainingInDate = training?.Count(staff => WorkforceMeasures.TrainingInDateAt((int)staff.Count, staff.Day, at)),
                    SupervisionStaff = supervision?.Count,
                    SupervisedOnTime = supervision?.Count(staff => WorkforceMeasures.SupervisedOnTimeAt(staff.Day, at, supervisionDays[siteId])),
                };
                if (!figures.IsEmpty)
                {
                    counted.Add(figures);
                }
            }
        }

        return counted;
    }

    // Every series in one command (UNION ALL), each grouped by site and month; a week counts for the month it starts in.
    private static IQueryable<MonthlyCount> CountedRows(VeriviusDbContext db, IReadOnlyCollection<Guid> siteIds, DateOnly from, DateOnly to)
    {
        var end = to.AddMonths(1);
        var incidents = db.Incidents.Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= from && i.Details.OccurredOn < end);
        var prefix = IncidentTimeliness.KeyPrefix;
        var notificationCodes = IncidentTimeliness.NotificationLateCodes;
        var notifiable = incidents.Where(i => i.Details.CqcNotifiable);
        var candour = incidents.Where(i => i.Details.CandourApplies);
        var standingFrom = from.AddMonths(1 - WorkforceMeasures.MonthsARecordStands);
        var staffing = db.Staffing
            .Where(w => siteIds.Contains(w.SiteId) && w.Details.WeekStarting >= from && w.Details.WeekStarting < end)
            .GroupBy(w => new { w.SiteId, w.Details.WeekStarting.Year, w.Details.WeekStarting.Month });
        return IncidentsIn(Incidents, incidents)
            .Concat(IncidentsIn(Notifiable, notifiable))
            .Concat(IncidentsIn(NotifiedLate, notifiable.Where(i => db.Challenges.Any(c => c.SiteId == i.SiteId && c.ConditionHolds && notificationCodes.Contains(c.Code) && c.Key == prefix + i.Ref))))
            .Concat(IncidentsIn(Candour, candour))
            .Concat(IncidentsIn(CandourLate, candour.Where(i => db.Challenges.Any(c => c.SiteId == i.SiteId && c.ConditionHolds && c.Code == IncidentTimeliness.CandourLateCode && c.Key == prefix + i.Ref))))
            .Concat(db.Actions
                .Where(a => siteIds.Contains(a.SiteId) && a.Details.DueOn >= from && a.Details.DueOn < end)
                .GroupBy(a => new { a.SiteId, a.Details.DueOn!.Value.Year, a.Details.DueOn!.Value.Month })
                .Select(g => new MonthlyCount
                {
                    Series = Actions,
                    SiteId = g.Key.SiteId,
                    Year = g.Key.Year,
                    Month = g.Key.Month,
                    Count = g.Count(),
                    Part = g.Count(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn <= a.Details.DueOn),
                    Day = null,
                }))
            .Concat(staffing.Select(g => new MonthlyCount { Series = Shifts, SiteId = g.Key.SiteId, Year = g.Key.Year, Month = g.Key.Month, Count = g.Sum(w => w.Details.ShiftsPlanned), Part = g.Sum(w => w.Details.ShiftsUnfilled), Day = null }))
            .Concat(staffing.Select(g => new MonthlyCount { Series = Hours, SiteId = g.Key.SiteId, Year = g.Key.Year, Month = g.Key.Month, Count = g.Sum(w => w.Details.TotalHours), Part = g.Sum(w => w.Details.AgencyHours), Day = null }))
            .Concat(db.Training
                .Where(t => siteIds.Contains(t.SiteId) && t.Details.Mandatory && t.Period >= standingFrom && t.Period <= to)
                .GroupBy(t => new { t.SiteId, t.Period, t.Details.StaffRef })
                .Select(g => new MonthlyCount
                {
                    Series = Training,
                    SiteId = g.Key.SiteId,
                    Year = g.Key.Period.Year,
                    Month = g.Key.Period.Month,
                    Count = g.Count(t => t.Details.CompletedOn == null),
                    Part = 0,
                    Day = g.Min(t => t.Details.ExpiresOn),
                }))
            .Concat(db.Supervision
                .Where(s => siteIds.Contains(s.SiteId) && s.Period >= standingFrom && s.Period <= to)
                .GroupBy(s => new { s.SiteId, s.Period, s.Details.StaffRef })
                .Select(g => new MonthlyCount
                {
                    Series = Supervision,
                    SiteId = g.Key.SiteId,
                    Year = g.Key.Period.Year,
                    Month = g.Key.Period.Month,
                    Count = 0,
                    Part = 0,
                    Day = g.Max(s => s.Details.Type == SupervisionType.Supervision ? s.Details.HeldOn : (DateOnly?)null),
                }));
    }

    private static IQueryable<MonthlyCount> IncidentsIn(string series, IQueryable<Incident> incidents) =>
        incidents
            .GroupBy(i => new { i.SiteId, i.Details.OccurredOn.Year, i.Details.OccurredOn.Month })
            .Select(g => new MonthlyCount { Series = series, SiteId = g.Key.SiteId, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = 0, Day = null });
}
