using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The figures of each site and month, as <see cref="Measures"/> and <see cref="WorkforceMeasures"/> define
/// them, for every view, chart and document that shows them: the provider and site views, the trend
/// charts, the board pack and the commissioner update all read these. They are read from the
/// <see cref="SiteMonthFigures"/> kept beside the records (counted again whenever a site's month changes),
/// so a view costs one row per site and month shown, however many years of records lie behind it.
/// </summary>
internal sealed class MonthlyFigures
{
    private readonly Dictionary<(Guid SiteId, DateOnly Month), SiteMonthFigures> _months;
    private readonly IReadOnlyList<Guid> _sites;

    private MonthlyFigures(IReadOnlyList<SiteMonthFigures> months, IReadOnlyList<Guid> sites)
    {
        _months = months.ToDictionary(m => (m.SiteId, m.Month));
        _sites = sites;
    }

    /// <summary>The figures of the sites for every month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>.</summary>
    public static async Task<MonthlyFigures> LoadAsync(
        VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var months = await db.SiteMonthFigures.AsNoTracking()
            .Where(f => siteIds.Contains(f.SiteId) && f.Month >= firstMonth && f.Month <= lastMonth)
            .ToListAsync(cancellationToken);
        return new MonthlyFigures(months, [.. months.Select(m => m.SiteId).Distinct()]);
    }

    /// <summary>These figures with those of <paramref name="sites"/> replaced by <paramref name="read"/>: the sites a save changed, read again.</summary>
    public MonthlyFigures Replacing(IReadOnlySet<Guid> sites, MonthlyFigures read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new([.. _months.Values.Where(m => !sites.Contains(m.SiteId)), .. read._months.Values], [.. _sites.Where(s => !sites.Contains(s)), .. read._sites]);
    }

    /// <summary>Incidents recorded at the site in the month.</summary>
    public int IncidentsOf(Guid siteId, DateOnly month) => In(siteId, month)?.Incidents ?? 0;

    /// <summary>Of the actions due in the month, those closed by their due date (<see cref="Measures.ActionsClosedOnTime"/>).</summary>
    public Share ActionsClosedOnTimeOf(Guid siteId, DateOnly month) => In(siteId, month) is { } m ? new Share(m.ActionsClosedOnTime, m.ActionsDue) : default;

    /// <summary>Shifts unfilled of those planned in the weeks starting in the month (<see cref="Measures.UnfilledShifts"/>).</summary>
    public Share UnfilledShiftsOf(Guid siteId, DateOnly month) => In(siteId, month) is { } m ? new Share(m.ShiftsUnfilled, m.ShiftsPlanned) : default;

    /// <summary>Agency hours of all hours worked in the weeks starting in the month (<see cref="Measures.AgencyShare"/>).</summary>
    public Share AgencyShareOf(Guid siteId, DateOnly month) => In(siteId, month) is { } m ? new Share(m.AgencyHours, m.HoursWorked) : default;

    /// <summary>Staff with mandatory training on the matrix that stands for the month, and how many have all of it in date at its end; none when no matrix stands.</summary>
    public StaffCount? TrainingOf(Guid siteId, DateOnly month) =>
        In(siteId, month) is { TrainingStaff: { } staff, TrainingInDate: { } inDate } ? new StaffCount(staff, inDate) : null;

    /// <summary>Staff on the supervision record that stands for the month, and how many were supervised on time at its end, within the provider's interval.</summary>
    public StaffCount? SupervisionOf(Guid siteId, DateOnly month) =>
        In(siteId, month) is { SupervisionStaff: { } staff, SupervisedOnTime: { } onTime } ? new StaffCount(staff, onTime) : null;

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

    private SiteMonthFigures? In(Guid siteId, DateOnly month) => _months.GetValueOrDefault((siteId, new DateOnly(month.Year, month.Month, 1)));
}
