using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The four trends over the twelve months to the pack's month, each as a chart and in words with its numbers.</summary>
internal sealed class TrendCharts : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var (trends, _) = await Trends.ForSitesAsync(pack.Db, pack.Sites.Select(s => s.Id), pack.Period, withSupervision: false, cancellationToken);
        return
        [
            new HeadingBlock(1, "Trends"),
            .. trends.SelectMany(trend => (IEnumerable<DocumentBlock>)
            [
                new HeadingBlock(2, trend.Title),
                new ImageBlock(trend.Title, trend.Description, TrendChart.Png(trend.Title, trend.Points, trend.IsPercent), TrendChart.Width, TrendChart.Height),
                new ParagraphBlock(trend.Description + " " + string.Join("; ", trend.Points.Select(p => $"{p.Label}: {TrendChart.Format(p.Value, trend.IsPercent)}")) + "."),
            ]),
        ];
    }
}
