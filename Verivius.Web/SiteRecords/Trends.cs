using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>One trend chart as a page shows it: the drawing, what it says in words, and its numbers.</summary>
public sealed record TrendVm(string Id, string Title, string Description, bool IsPercent, IReadOnlyList<TrendPoint> Points, string Svg);

/// <summary>
/// The four trends leaders read month by month — incidents, actions closed on time, mandatory
/// training in date and unfilled shifts — over the twelve months ending with a chosen one, for any set
/// of sites: three in one grouped command, training from <see cref="WorkforceFigures"/>, as every view counts it.
/// </summary>
internal static class Trends
{
    private const string Incidents = "incidents";
    private const string Actions = "actions";
    private const string Staffing = "staffing";

    /// <summary>
    /// The four charts in one command, with the workforce figures behind the training chart for a
    /// caller that shows them too; supervision among them when <paramref name="withSupervision"/>.
    /// </summary>
    public static async Task<(IReadOnlyList<TrendVm> Charts, WorkforceFigures Workforce)> ForSitesAsync(
        VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly lastMonth, bool withSupervision, CancellationToken cancellationToken)
    {
        var first = lastMonth.AddMonths(-11);
        var end = lastMonth.AddMonths(1);
        var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();

        // Every series in one command (UNION ALL), each a grouped count or sum by month; training as every view measures it.
        var figures = await db.Incidents
            .Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= first && i.Details.OccurredOn < end)
            .GroupBy(i => new { i.Details.OccurredOn.Year, i.Details.OccurredOn.Month })
            .Select(g => new MonthlyCount { Series = Incidents, SiteId = Guid.Empty, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = 0, Day = null })
            .Concat(db.Actions
                .Where(a => siteIds.Contains(a.SiteId) && a.Details.DueOn >= first && a.Details.DueOn < end)
                .GroupBy(a => new { a.Details.DueOn!.Value.Year, a.Details.DueOn!.Value.Month })
                .Select(g => new MonthlyCount { Series = Actions, SiteId = Guid.Empty, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = g.Count(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn <= a.Details.DueOn), Day = null }))
            .Concat(db.Staffing
                .Where(w => siteIds.Contains(w.SiteId) && w.Details.WeekStarting >= first && w.Details.WeekStarting < end)
                .GroupBy(w => new { w.Details.WeekStarting.Year, w.Details.WeekStarting.Month })
                .Select(g => new MonthlyCount { Series = Staffing, SiteId = Guid.Empty, Year = g.Key.Year, Month = g.Key.Month, Count = g.Sum(w => w.Details.ShiftsPlanned), Part = g.Sum(w => w.Details.ShiftsUnfilled), Day = null }))
            .Concat(WorkforceFigures.Query(db, siteIds, first, lastMonth, withSupervision))
            .ToListAsync(cancellationToken);
        var workforce = WorkforceFigures.From(figures);
        MonthlyCount? Of(string series, DateOnly month) => figures.FirstOrDefault(f => f.Series == series && f.Year == month.Year && f.Month == month.Month);

        var range = $"{Label(first)} to {Label(lastMonth)}";
        return (
        [
            Chart("incidents", "Incidents per month", $"Incidents recorded each month, {range}.", false, months, m => Of(Incidents, m)?.Count ?? 0),
            Chart("actions", "Actions closed on time", $"Of the actions due each month, the share closed by their due date, {range}.", true, months, m => Of(Actions, m)?.Share),
            Chart("training", WorkforceMeasures.TrainingInDate.Title, $"Share of {WorkforceMeasures.TrainingInDate.Explanation}, each month, {range}.", true, months, m => Share(workforce.TrainingOfAll(m))),
            Chart("unfilled", "Unfilled shifts", $"Shifts planned but not filled, as a share of shifts planned each month, {range}.", true, months, m => Of(Staffing, m)?.Share),
        ], workforce);
    }

    private static TrendVm Chart(string id, string title, string description, bool isPercent, List<DateOnly> months, Func<DateOnly, double?> value)
    {
        var points = months.Select(m => new TrendPoint(m.ToChartMonth(), value(m))).ToList();
        return new TrendVm(id, title, description, isPercent, points, TrendChart.Svg(title, description, points, isPercent));
    }

    private static double? Share(StaffCount? count) => count is { Staff: > 0 } c ? 100.0 * c.Meeting / c.Staff : null;

    private static string Label(DateOnly month) => month.ToBritishMonth();
}
