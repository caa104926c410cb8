using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The figures of each site and month, counted once as <see cref="Measures"/> and <see cref="WorkforceMeasures"/>
/// define them, for every view, chart and document that shows them: the provider and site views, the
/// trend charts, the board pack and the commissioner update all read these. One command sends, per site
/// and month, the incidents, the actions due and those closed on time, the shifts and hours, and one row
/// per member of staff on each training matrix and supervision record (what the rules need of them:
/// courses not completed and the first expiry, or the newest supervision), judged at each month's end.
/// </summary>
internal sealed class MonthlyFigures
{
    private const string Incidents = "incidents";
    private const string Actions = "actions";
    private const string Shifts = "shifts";
    private const string Hours = "hours";
    private const string Training = "training-staff";
    private const string Supervision = "supervision-staff";

    private readonly ILookup<(Guid SiteId, string Series), MonthlyCount> _rows;
    private readonly IReadOnlyList<Guid> _sites;

    private MonthlyFigures(IReadOnlyList<MonthlyCount> rows)
    {
        _rows = rows.ToLookup(r => (r.SiteId, r.Series));
        _sites = [.. rows.Select(r => r.SiteId).Distinct()];
    }

    /// <summary>
    /// The figures for every month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>, including
    /// the older training and supervision records that still stand for them; supervision only <paramref name="withSupervision"/>.
    /// </summary>
    public static async Task<MonthlyFigures> LoadAsync(
        VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly firstMonth, DateOnly lastMonth, bool withSupervision, CancellationToken cancellationToken)
    {
        var start = firstMonth;
        var end = lastMonth.AddMonths(1);
        var standingFrom = firstMonth.AddMonths(1 - WorkforceMeasures.MonthsARecordStands);

        // Every series in one command (UNION ALL), each grouped by site and month; a week counts for the month it starts in.
        var staffing = db.Staffing
            .Where(w => siteIds.Contains(w.SiteId) && w.Details.WeekStarting >= start && w.Details.WeekStarting < end)
            .GroupBy(w => new { w.SiteId, w.Details.WeekStarting.Year, w.Details.WeekStarting.Month });
        var rows = db.Incidents
            .Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= start && i.Details.OccurredOn < end)
            .GroupBy(i => new { i.SiteId, i.Details.OccurredOn.Year, i.Details.OccurredOn.Month })
            .Select(g => new MonthlyCount { Series = Incidents, SiteId = g.Key.SiteId, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = 0, Day = null })
            .Concat(db.Actions
                .Where(a => siteIds.Contains(a.SiteId) && a.Details.DueOn >= start && a.Details.DueOn < end)
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
                .Where(t => siteIds.Contains(t.SiteId) && t.Details.Mandatory && t.Period >= standingFrom && t.Period <= lastMonth)
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
                }));
        if (withSupervision)
        {
            rows = rows.Concat(db.Supervision
                .Where(s => siteIds.Contains(s.SiteId) && s.Period >= standingFrom && s.Period <= lastMonth)
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

        return new MonthlyFigures(await rows.ToListAsync(cancellationToken));
    }

    /// <summary>Incidents recorded at the site in the month.</summary>
    public int IncidentsOf(Guid siteId, DateOnly month) => (int)(InMonth(siteId, Incidents, month)?.Count ?? 0);

    /// <summary>Of the actions due in the month, those closed by their due date (<see cref="Measures.ActionsClosedOnTime"/>).</summary>
    public Share ActionsClosedOnTimeOf(Guid siteId, DateOnly month) => ShareIn(siteId, Actions, month);

    /// <summary>Shifts unfilled of those planned in the weeks starting in the month (<see cref="Measures.UnfilledShifts"/>).</summary>
    public Share UnfilledShiftsOf(Guid siteId, DateOnly month) => ShareIn(siteId, Shifts, month);

    /// <summary>Agency hours of all hours worked in the weeks starting in the month (<see cref="Measures.AgencyShare"/>).</summary>
    public Share AgencyShareOf(Guid siteId, DateOnly month) => ShareIn(siteId, Hours, month);

    /// <summary>Staff with mandatory training on the matrix that stands for the month, and how many have all of it in date at its end; none when no matrix stands.</summary>
    public StaffCount? TrainingOf(Guid siteId, DateOnly month) =>
        Measured(siteId, month, Training, (staff, at) => WorkforceMeasures.TrainingInDateAt((int)staff.Count, staff.Day, at));

    /// <summary>Staff on the supervision record that stands for the month, and how many were supervised on time at its end.</summary>
    public StaffCount? SupervisionOf(Guid siteId, DateOnly month, int supervisionDays) =>
        Measured(siteId, month, Supervision, (staff, at) => WorkforceMeasures.SupervisedOnTimeAt(staff.Day, at, supervisionDays));

    /// <summary>A site measure added up over every site the figures were loaded for; none when no site measured it.</summary>
    public StaffCount? OfAll(Func<Guid, StaffCount?> measure)
    {
        var measured = _sites.Select(measure).OfType<StaffCount>().ToList();
        return measured.Count == 0 ? null : measured.Aggregate(StaffCount.Add);
    }

    /// <summary>A share added up, part and whole, over every site the figures were loaded for.</summary>
    public Share OfAll(Func<Guid, Share> measure) => _sites.Select(measure).Aggregate(default(Share), Share.Add);

    /// <summary>Incidents over every site in the month.</summary>
    public int IncidentsOfAll(DateOnly month) => _sites.Sum(site => IncidentsOf(site, month));

    private MonthlyCount? InMonth(Guid siteId, string series, DateOnly month) =>
        _rows[(siteId, series)].FirstOrDefault(r => r.Year == month.Year && r.Month == month.Month);

    private Share ShareIn(Guid siteId, string series, DateOnly month) =>
        InMonth(siteId, series, month) is { } row ? new Share(row.Part, row.Count) : default;

    private StaffCount? Measured(Guid siteId, DateOnly month, string series, Func<MonthlyCount, DateOnly, bool> meets)
    {
        var rows = _rows[(siteId, series)].ToLookup(r => new DateOnly(r.Year, r.Month, 1));
        if (WorkforceMeasures.StandingFor(month, rows.Select(r => r.Key)) is not { } period)
        {
            return null;
        }

        var at = WorkforceMeasures.MeasuredAt(month);
        return new StaffCount(rows[period].Count(), rows[period].Count(staff => meets(staff, at)));
    }
}
