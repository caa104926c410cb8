using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using Verivius.Web.SiteRecords;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.CommissionerUpdates;

/// <summary>
/// Each commissioned site in turn: its figures for the month (the challenges aside, which stay between
/// the provider and its sites), its recovery position, what improved, what remains fragile, and the next steps and dates.
/// </summary>
internal sealed class SiteRecoveryPositions : WrittenSection<CommissionerUpdateEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(CommissionerUpdateEvidence update)
    {
        var period = update.Document.Period;

        // The next month's pack is missing once its month has ended and the provider's days allowed have passed.
        var nextPackDue = period.AddMonths(2).AddDays(update.PackMissingDays - 1);
        foreach (var site in update.Sites)
        {
            var positions = update.Positions[site.Id].OrderBy(p => p.Trend).ThenBy(p => p.Area).ToList();
            var figures = update.Figures[site.Id];
            var pack = figures.Packs[^1] ? "has been received"
                : figures.PackMissing ? "has not been received"
                : $"is not owed: the service sends monthly evidence from {Month(figures.ReportingFrom)}";
            yield return new HeadingBlock(1, site.Name);
            yield return new ParagraphBlock($"{PlainWords.Of(site.ServiceType)} service. The monthly evidence for {Month(period)} {pack}.");
            yield return new HeadingBlock(2, $"Figures for {Month(period)}");
            yield return new TableBlock(
                [new("Measure", 3), new("Figure", 3), new("What it counts", 6)],
                [
                    .. IncidentRows(update.Incidents.GetValueOrDefault(site.Id) ?? new MonthIncidents(0, 0, 0), period),
                    .. SiteFigures.Measured([update.Figures[site.Id]], update.SupervisionDays)
                        .Where(m => m.Measure != Measures.OpenChallenges)
                        .Select(m => (IReadOnlyList<TableCellText>)[m.Measure.Title, m.Value, m.Measure.Explanation]),
                ],
                "");
            yield return new HeadingBlock(2, "Month by month");
            yield return new ParagraphBlock($"The figures behind the trends below, for the {CommissionerUpdateEvidence.MonthsShown} months to {Month(period)}, counted as above.");
            yield return MonthByMonth(update, site.Id);
            yield return new HeadingBlock(2, "Recovery position");
            yield return new TableBlock(
                [new("Area", 2), new("Risk", 5), new("Target", 4), new("Trend", 2), new("Next review", 2)],
                [.. positions.Select(p => (IReadOnlyList<TableCellText>)[p.Area.ToString(), p.Risk, p.Target ?? "—", Trend(p.Trend), p.ReviewOn is { } on ? Date(on) : "not set"])],
                "The site has no recovery risks recorded.");
            yield return new HeadingBlock(2, "What improved");
            yield return Bullets(positions.Where(p => p.HasImproved).Select(p => $"{p.Area}: {p.Risk} ({Trend(p.Trend).ToLowerInvariant()})."), "No risk has improved yet.");
            yield return new HeadingBlock(2, update.LastUpdateAsOf is { } last ? $"Actions taken since the last update ({Date(last)})" : $"Actions taken in {Month(period)}");
            yield return Bullets(
                update.ActionsTaken[site.Id].Select(a => $"{Date(a.ClosedOn)}: {a.Title.TrimEnd('.')}{(a.Area is { } area ? $" ({area})" : "")}, closed."),
                "No improvement action was closed in that time.");
            yield return new HeadingBlock(2, "What remains fragile");
            yield return Bullets(positions.Where(p => p.Trend is RiskTrend.Worsening or RiskTrend.NoChange).Select(p => $"{p.Area}: {p.Risk} ({Trend(p.Trend).ToLowerInvariant()})."), "Nothing is worsening or standing still.");
            yield return new HeadingBlock(2, "Next steps and dates");
            yield return Bullets(
                positions.Where(p => p.Trend != RiskTrend.Resolved && p.ReviewOn is not null)
                    .Select(p => (On: p.ReviewOn!.Value, Step: $"review of {p.Area.ToString().ToLowerInvariant()}{(p.Target is { } target ? $", aiming for: {target}" : "")}"))
                    .Append((On: nextPackDue, Step: $"the monthly evidence for {Month(period.AddMonths(1))} is due"))
                    .OrderBy(s => s.On)
                    .Select(s => $"{Date(s.On)}: {s.Step}."),
                "");
        }
    }

    /// <summary>Each measure a trend rests on, a column per month, measured as the month's own figures are.</summary>
    private static TableBlock MonthByMonth(CommissionerUpdateEvidence update, Guid siteId)
    {
        var monthly = update.Monthly;
        var months = update.Months;
        IReadOnlyList<TableCellText> Row(string measure, Func<DateOnly, string> value) => [measure, .. months.Select(m => (TableCellText)value(m))];
        return new TableBlock(
            [new("Measure", 3), .. months.Select(m => new TableColumn(ShortMonth(m)))],
            [
                Row("Incidents", m => Number(monthly.IncidentsOf(siteId, m))),
                Row(WorkforceMeasures.TrainingInDate.Title, m => StaffCount.Percent(monthly.TrainingOf(siteId, m))),
                Row(WorkforceMeasures.SupervisedOnTime(update.SupervisionDays).Title, m => StaffCount.Percent(monthly.SupervisionOf(siteId, m))),
                Row(Measures.UnfilledShifts.Title, m => monthly.UnfilledShiftsOf(siteId, m).Described),
                Row(Measures.AgencyShare.Title, m => monthly.AgencyShareOf(siteId, m).Described),
                Row(Measures.ActionsClosedOnTime.Title, m => monthly.ActionsClosedOnTimeOf(siteId, m).Described),
            ],
            "");
    }

    /// <summary>The month's incidents as counts, so a commissioner sees the figures behind the position without anyone named.</summary>
    private static IEnumerable<IReadOnlyList<TableCellText>> IncidentRows(MonthIncidents incidents, DateOnly period) =>
    [
        ["Incidents in the month", Count(incidents.All, "incident"), $"incidents the site recorded as happening in {Month(period)}"],
        ["Safeguarding incidents", Count(incidents.Safeguarding, "incident"), $"of those, the ones recorded as safeguarding"],
        ["Notifiable to CQC", Count(incidents.Notifiable, "incident"), $"of those, the ones the site must notify CQC of; how many were notified on time over twelve months is below"],
    ];

    private static BulletsBlock Bullets(IEnumerable<string> items, string empty)
    {
        var list = items.ToList();
        return new BulletsBlock(list.Count == 0 ? [empty] : list);
    }
}
