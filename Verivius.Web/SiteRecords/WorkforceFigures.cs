using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// Training and supervision per site and month, as <see cref="WorkforceMeasures"/> defines them, for
/// every view, chart and document that shows them: the provider and site views read the same numbers
/// as the board pack's tables and charts. The database sends one row per member of staff on each
/// record (what the rules need of them: courses not completed and the first expiry, or the newest
/// supervision); the measures judge those rows at the end of each month asked for.
/// </summary>
internal sealed class WorkforceFigures
{
    private const string Training = "training-staff";
    private const string Supervision = "supervision-staff";

    private readonly ILookup<(Guid SiteId, string Series), MonthlyCount> _staff;

    private WorkforceFigures(IEnumerable<MonthlyCount> rows) =>
        _staff = rows.Where(r => r.Series is Training or Supervision).ToLookup(r => (r.SiteId, r.Series));

    /// <summary>
    /// The figures for every month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>, including
    /// the older records that still stand for them; supervision only <paramref name="withSupervision"/>.
    /// </summary>
    public static async Task<WorkforceFigures> LoadAsync(
        VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly firstMonth, DateOnly lastMonth, bool withSupervision, CancellationToken cancellationToken) =>
        From(await Query(db, siteIds, firstMonth, lastMonth, withSupervision).ToListAsync(cancellationToken));

    /// <summary>The staff rows, for a caller that sends them in one command with counts of its own (the trends do).</summary>
    public static IQueryable<MonthlyCount> Query(VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly firstMonth, DateOnly lastMonth, bool withSupervision)
    {
        var from = firstMonth.AddMonths(1 - WorkforceMeasures.MonthsARecordStands);
        var training = db.Training
            .Where(t => siteIds.Contains(t.SiteId) && t.Details.Mandatory && t.Period >= from && t.Period <= lastMonth)
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
            });
        if (!withSupervision)
        {
            return training;
        }

        return training.Concat(db.Supervision
            .Where(s => siteIds.Contains(s.SiteId) && s.Period >= from && s.Period <= lastMonth)
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

    /// <summary>The figures from rows <see cref="Query"/> sent; rows of other series are passed over.</summary>
    public static WorkforceFigures From(IEnumerable<MonthlyCount> rows) => new(rows);

    /// <summary>Staff with mandatory training on the matrix that stands for the month, and how many have all of it in date at its end; none when no matrix stands.</summary>
    public StaffCount? TrainingOf(Guid siteId, DateOnly month) =>
        Measured(siteId, month, Training, (staff, at) => WorkforceMeasures.TrainingInDateAt(staff.Count, staff.Day, at));

    /// <summary>Training added up over every site that has a matrix standing for the month; none when no site has.</summary>
    public StaffCount? TrainingOfAll(DateOnly month)
    {
        var measured = _staff.Select(s => s.Key.SiteId).Distinct().Select(site => TrainingOf(site, month)).OfType<StaffCount>().ToList();
        return measured.Count == 0 ? null : measured.Aggregate(StaffCount.Add);
    }

    /// <summary>Staff on the supervision record that stands for the month, and how many were supervised on time at its end.</summary>
    public StaffCount? SupervisionOf(Guid siteId, DateOnly month, int supervisionDays) =>
        Measured(siteId, month, Supervision, (staff, at) => WorkforceMeasures.SupervisedOnTimeAt(staff.Day, at, supervisionDays));

    private StaffCount? Measured(Guid siteId, DateOnly month, string series, Func<MonthlyCount, DateOnly, bool> meets)
    {
        var rows = _staff[(siteId, series)].ToLookup(r => new DateOnly(r.Year, r.Month, 1));
        if (WorkforceMeasures.StandingFor(month, rows.Select(r => r.Key)) is not { } period)
        {
            return null;
        }

        var at = WorkforceMeasures.MeasuredAt(month);
        return new StaffCount(rows[period].Count(), rows[period].Count(staff => meets(staff, at)));
    }
}
