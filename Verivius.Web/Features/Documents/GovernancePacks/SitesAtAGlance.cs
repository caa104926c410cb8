using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>One row per site with a red, amber or green rating, so a board sees at once where to look.</summary>
internal sealed class SitesAtAGlance : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack)
    {
        var risksAt = pack.OpenRisks.ToLookup(r => r.SiteId);
        var challengesAt = pack.Challenges.ToLookup(c => c.SiteId);
        return
        [
            new HeadingBlock(1, pack.IsBoard ? "Sites at a glance" : "The site at a glance"),
            new ParagraphBlock("Red: a risk is worsening, a high challenge stands or the month's pack is missing. Amber: an action is overdue, a challenge stands or a risk is not changing. Green: none of these."),
            new TableBlock(
                [new("Site", 3), new($"Pack for {ShortMonth(pack.Period)}"), new("Open risks"), new("Worsening"), new("Overdue actions"), new("Open challenges (high)"), new("Notified on time, 12 months"), new("Mandatory training in date"), new("Rating")],
                [.. pack.Figures.Select(s =>
                {
                    var here = risksAt[s.Id].ToList();
                    var standing = challengesAt[s.Id].ToList();
                    var rating = here.Any(r => r.Trend == RiskTrend.Worsening) || standing.Any(c => c.Severity == ChallengeSeverity.High) || !s.Packs[^1] ? RagRating.Red
                        : s.Overdue > 0 || standing.Count > 0 || here.Any(r => r.Trend == RiskTrend.NoChange) ? RagRating.Amber
                        : RagRating.Green;
                    return (IReadOnlyList<TableCellText>)
                    [
                        $"{s.Name} ({s.Code})", s.Packs[^1] ? "Received" : "Missing", Number(here.Count), Number(here.Count(r => r.Trend == RiskTrend.Worsening)), Number(s.Overdue),
                        $"{standing.Count} ({standing.Count(c => c.Severity == ChallengeSeverity.High)})", BritishNumbers.Percent(s.Notifiable - s.NotifiedLate, s.Notifiable),
                        StaffCount.Percent(s.Training), new TableCellText(rating.ToString(), rating),
                    ];
                })],
                "There are no active sites."),
        ];
    }
}
