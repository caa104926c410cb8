using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>
/// One row per site with a red, amber or green rating, worst first, so a board sees at once where to look;
/// the rule and the ranking are the provider view's (<see cref="SiteRating"/>). Why each Red or Amber site
/// is rated so follows in <see cref="SitesNeedingAttention"/>.
/// </summary>
internal sealed class SitesAtAGlance : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack) =>
    [
        new HeadingBlock(1, pack.IsBoard ? "Sites at a glance" : "The site at a glance"),
        new ParagraphBlock(SiteRating.RuleInWords(pack.Thresholds)),
        new TableBlock(
            [new("Site", 3), new("CQC rating", 2), new($"Pack for {ShortMonth(pack.Period)}"), new("Open risks"), new("Worsening"), new("Overdue actions"), new("Open challenges (high)"), new("Notified on time, 12 months"), new("Mandatory training in date"), new("Rating")],
            [.. pack.Rated.Select(s => (IReadOnlyList<TableCellText>)
            [
                $"{s.Figures.Name} ({s.Figures.Code})", s.Figures.CqcRatingInWords(pack.AsOf), s.Figures.MonthsPackInWords, Number(s.OpenRisks.Count), Number(s.Rating.Measures.WorseningRisks), Number(s.Figures.Overdue),
                $"{s.Figures.OpenChallenges} ({s.Figures.HighChallenges})", BritishNumbers.Percent(s.Figures.Notifiable - s.Figures.NotifiedLate, s.Figures.Notifiable),
                StaffCount.Percent(s.Figures.Training), new TableCellText(s.Rating.Rating.ToString(), s.Rating.Rating),
            ])],
            "There are no active sites."),
    ];
}
