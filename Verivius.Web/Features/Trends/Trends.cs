using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Features.Trends;

/// <summary>One trend chart as a page shows it: the drawing, what it says in words, and its numbers.</summary>
public sealed record TrendVm(string Id, string Title, string Description, bool IsPercent, IReadOnlyList<TrendPoint> Points, string Svg);

/// <summary>
/// The four trends leaders read month by month — incidents, actions closed on time, training
/// compliance and unfilled shifts — over the twelve months ending with a chosen one, for any set of
/// sites, each computed in one grouped query.
/// </summary>
internal static class Trends
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<IReadOnlyList<TrendVm>> ForSitesAsync(VeriviusDbContext db, IQueryable<Guid> siteIds, DateOnly lastMonth, CancellationToken cancellationToken)
    {
        var first = lastMonth.AddMonths(-11);
        var end = lastMonth.AddMonths(1);
        var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();

        var incidents = await db.Incidents
            .Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= first && i.Details.OccurredOn < end)
            .GroupBy(i => new { i.Details.OccurredOn.Year, i.Details.OccurredOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var actions = await db.Actions
            .Where(a => siteIds.Contains(a.SiteId) && a.Details.DueOn >= first && a.Details.DueOn < end)
            .GroupBy(a => new { a.Details.DueOn!.Value.Year, a.Details.DueOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Due = g.Count(), OnTime = g.Count(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn <= a.Details.DueOn) })
            .ToListAsync(cancellationToken);
        var training = await db.Training
            .Where(t => siteIds.Contains(t.SiteId) && t.Details.Mandatory && t.Period >= first && t.Period < end)
            .GroupBy(t => t.Period)
            .Select(g => new { Period = g.Key, Rows = g.Count(), Current = g.Count(t => t.Details.CompletedOn != null && (t.Details.ExpiresOn == null || t.Details.ExpiresOn >= g.Key.AddMonths(1))) })
            .ToListAsync(cancellationToken);
        var staffing = await db.Staffing
            .Where(w => siteIds.Contains(w.SiteId) && w.Details.WeekStarting >= first && w.Details.WeekStarting < end)
            .GroupBy(w => new { w.Details.WeekStarting.Year, w.Details.WeekStarting.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Planned = g.Sum(w => w.Details.ShiftsPlanned), Unfilled = g.Sum(w => w.Details.ShiftsUnfilled) })
            .ToListAsync(cancellationToken);

        var range = $"{Label(first)} to {Label(lastMonth)}";
        return
        [
            Chart("incidents", "Incidents per month", $"Incidents recorded each month, {range}.", false, months, m => incidents.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month)?.Count ?? 0),
            Chart("actions", "Actions closed on time", $"Of the actions due each month, the share closed by their due date, {range}.", true, months, m =>
                actions.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month) is { Due: > 0 } a ? 100.0 * a.OnTime / a.Due : null),
            Chart("training", "Training compliance", $"Mandatory courses completed and in date at the end of each month's matrix, {range}.", true, months, m =>
                training.FirstOrDefault(x => x.Period == m) is { Rows: > 0 } t ? 100.0 * t.Current / t.Rows : null),
            Chart("unfilled", "Unfilled shifts", $"Shifts planned but not filled, as a share of shifts planned each month, {range}.", true, months, m =>
                staffing.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month) is { Planned: > 0 } s ? 100.0 * s.Unfilled / s.Planned : null),
        ];
    }

    private static TrendVm Chart(string id, string title, string description, bool isPercent, List<DateOnly> months, Func<DateOnly, double?> value)
    {
        var points = months.Select(m => new TrendPoint(m.ToString("MMM yy", British), value(m))).ToList();
        return new TrendVm(id, title, description, isPercent, points, TrendChart.Svg(title, description, points, isPercent));
    }

    private static string Label(DateOnly month) => month.ToString("MMMM yyyy", British);
}
