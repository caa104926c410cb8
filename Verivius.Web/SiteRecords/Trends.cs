using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>One trend chart as a page shows it: the drawing, what it says in words, and its numbers.</summary>
public sealed record TrendVm(string Id, string Title, string Description, bool IsPercent, IReadOnlyList<TrendPoint> Points, string Svg);

/// <summary>
/// The four trends leaders read month by month — incidents, actions closed on time, training
/// compliance and unfilled shifts — over the twelve months ending with a chosen one, for any set of
/// sites, each computed in one grouped query.
/// </summary>
internal static class Trends
{

    public static async Task<IReadOnlyList<TrendVm>> ForSitesAsync(VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var first = lastMonth.AddMonths(-11);
        var end = lastMonth.AddMonths(1);
        var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();

        // The four series in one command (UNION ALL), each a grouped count or sum by month.
        var figures = await db.Incidents
            .Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= first && i.Details.OccurredOn < end)
            .GroupBy(i => new { i.Details.OccurredOn.Year, i.Details.OccurredOn.Month })
            .Select(g => new MonthFigure { Series = Series.Incidents, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = 0 })
            .Concat(db.Actions
                .Where(a => siteIds.Contains(a.SiteId) && a.Details.DueOn >= first && a.Details.DueOn < end)
                .GroupBy(a => new { a.Details.DueOn!.Value.Year, a.Details.DueOn!.Value.Month })
                .Select(g => new MonthFigure { Series = Series.Actions, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = g.Count(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn <= a.Details.DueOn) }))
            .Concat(db.Training
                .Where(t => siteIds.Contains(t.SiteId) && t.Details.Mandatory && t.Period >= first && t.Period < end)
                .GroupBy(t => t.Period)
                .Select(g => new MonthFigure { Series = Series.Training, Year = g.Key.Year, Month = g.Key.Month, Count = g.Count(), Part = g.Count(t => t.Details.CompletedOn != null && (t.Details.ExpiresOn == null || t.Details.ExpiresOn >= g.Key.AddMonths(1))) }))
            .Concat(db.Staffing
                .Where(w => siteIds.Contains(w.SiteId) && w.Details.WeekStarting >= first && w.Details.WeekStarting < end)
                .GroupBy(w => new { w.Details.WeekStarting.Year, w.Details.WeekStarting.Month })
                .Select(g => new MonthFigure { Series = Series.Staffing, Year = g.Key.Year, Month = g.Key.Month, Count = g.Sum(w => w.Details.ShiftsPlanned), Part = g.Sum(w => w.Details.ShiftsUnfilled) }))
            .ToListAsync(cancellationToken);
        MonthFigure? Of(Series series, DateOnly month) => figures.FirstOrDefault(f => f.Series == series && f.Year == month.Year && f.Month == month.Month);

        var range = $"{Label(first)} to {Label(lastMonth)}";
        return
        [
            Chart("incidents", "Incidents per month", $"Incidents recorded each month, {range}.", false, months, m => Of(Series.Incidents, m)?.Count ?? 0),
            Chart("actions", "Actions closed on time", $"Of the actions due each month, the share closed by their due date, {range}.", true, months, m => Of(Series.Actions, m)?.Share),
            Chart("training", "Training compliance", $"Mandatory courses completed and in date at the end of each month's matrix, {range}.", true, months, m => Of(Series.Training, m)?.Share),
            Chart("unfilled", "Unfilled shifts", $"Shifts planned but not filled, as a share of shifts planned each month, {range}.", true, months, m => Of(Series.Staffing, m)?.Share),
        ];
    }

    private enum Series
    {
        Incidents,
        Actions,
        Training,
        Staffing,
    }

    /// <summary>One month of one series: a count, and for a rate the part of it that counts.</summary>
    private sealed class MonthFigure
    {
        public Series Series { get; init; }

        public int Year { get; init; }

        public int Month { get; init; }

        public int Count { get; init; }

        public int Part { get; init; }

        public double? Share => Count > 0 ? 100.0 * Part / Count : null;
    }

    private static TrendVm Chart(string id, string title, string description, bool isPercent, List<DateOnly> months, Func<DateOnly, double?> value)
    {
        var points = months.Select(m => new TrendPoint(m.ToChartMonth(), value(m))).ToList();
        return new TrendVm(id, title, description, isPercent, points, TrendChart.Svg(title, description, points, isPercent));
    }

    private static string Label(DateOnly month) => month.ToBritishMonth();
}
