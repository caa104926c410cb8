using Verivius.Domain.Common;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>One trend chart as a page shows it: the drawing, what it says in words, and its numbers.</summary>
public sealed record TrendVm(string Id, string Title, string Description, bool IsPercent, IReadOnlyList<TrendPoint> Points, string Svg);

/// <summary>
/// The four trends leaders read month by month — incidents, actions closed on time, mandatory
/// training in date and unfilled shifts — over the twelve months ending with a chosen one, for any set
/// of sites: the sums over the sites of the <see cref="MonthlyFigures"/> every view reads.
/// </summary>
internal static class Trends
{
    /// <summary>
    /// The four charts, with the monthly figures behind them for a caller that shows them too.
    /// </summary>
    public static async Task<(IReadOnlyList<TrendVm> Charts, MonthlyFigures Figures)> ForSitesAsync(
        VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var figures = await MonthlyFigures.LoadAsync(db, siteIds, lastMonth.AddMonths(-11), lastMonth, cancellationToken);
        return (Of(figures, lastMonth), figures);
    }

    /// <summary>The four charts from figures read for (at least) the twelve months ending with <paramref name="lastMonth"/>.</summary>
    public static IReadOnlyList<TrendVm> Of(MonthlyFigures figures, DateOnly lastMonth)
    {
        var first = lastMonth.AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();
        var range = $"{first.ToBritishMonth()} to {lastMonth.ToBritishMonth()}";
        return
        [
            Chart("incidents", "Incidents per month", $"Incidents recorded each month, {range}.", false, months, m => figures.IncidentsOfAll(m)),
            Chart("actions", Measures.ActionsClosedOnTime, range, months, m => figures.OfAll(site => figures.ActionsClosedOnTimeOf(site, m)).Percent),
            Chart("training", WorkforceMeasures.TrainingInDate, range, months, m => Share(figures.OfAll(site => figures.TrainingOf(site, m)))),
            Chart("unfilled", Measures.UnfilledShifts, range, months, m => figures.OfAll(site => figures.UnfilledShiftsOf(site, m)).Percent),
        ];
    }

    private static TrendVm Chart(string id, string title, string description, bool isPercent, List<DateOnly> months, Func<DateOnly, double?> value)
    {
        var points = months.Select(m => new TrendPoint(m.ToChartMonth(), value(m))).ToList();
        return new TrendVm(id, title, description, isPercent, points, TrendChart.Svg(title, description, points, isPercent));
    }

    /// <summary>A chart of a share, described by its measure's own words.</summary>
    private static TrendVm Chart(string id, Measure measure, string range, List<DateOnly> months, Func<DateOnly, double?> percent) =>
        Chart(id, measure.Title, $"{measure.Title}: {measure.Explanation}; each month, {range}.", true, months, percent);

    private static double? Share(StaffCount? count) => count is { Staff: > 0 } c ? 100.0 * c.Meeting / c.Staff : null;
}
