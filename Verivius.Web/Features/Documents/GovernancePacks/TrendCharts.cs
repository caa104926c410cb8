using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The four trends over the twelve months to the pack's month, each as a chart and in words with its numbers.</summary>
internal sealed class TrendCharts : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack) =>
    [
        new HeadingBlock(1, "Trends"),
        .. pack.Trends.SelectMany(trend => (IEnumerable<DocumentBlock>)
        [
            new HeadingBlock(2, trend.Title),
            new ImageBlock(trend.Title, trend.Description, TrendChart.Png(trend.Title, trend.Points, trend.IsPercent), TrendChart.Width, TrendChart.Height),
            new ParagraphBlock(trend.Description + " " + string.Join("; ", trend.Points.Select(p => $"{p.Label}: {TrendChart.Format(p.Value, trend.IsPercent)}")) + "."),
        ]),
    ];
}
