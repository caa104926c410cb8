using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>
/// One short paragraph per Red or Amber site, worst first: why it is rated so, which risks are
/// worsening and which rules its High challenges stand under (the findings themselves are in the
/// appendices), so the board reads the trouble before the registers.
/// </summary>
internal sealed class SitesNeedingAttention : WrittenSection<GovernancePackEvidence>
{
    /// <summary>How many worsening risks or High challenges a paragraph names before it counts the rest.</summary>
    private const int Named = 2;

    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack)
    {
        var troubled = pack.Rated.Where(s => s.Rating.Rating != RagRating.Green).ToList();
        var challengesAt = pack.Challenges.ToLookup(c => c.SiteId);
        yield return new HeadingBlock(1, pack.IsBoard ? "Sites needing attention" : "What needs attention");
        if (troubled.Count == 0)
        {
            yield return new ParagraphBlock(pack.IsBoard ? "Every site is rated Green: none needs the board's attention this month." : "The site is rated Green: nothing needs attention this month.");
        }

        foreach (var site in troubled)
        {
            var worsening = site.OpenRisks.Where(r => r.Trend == RiskTrend.Worsening).OrderBy(r => r.Area).Select(r => $"{r.Text} ({r.Area})").ToList();
            var high = challengesAt[site.Figures.Id].Where(c => c.Severity == ChallengeSeverity.High).Select(c => c.Code).Distinct()
                .Select(code => $"{Lowered(ChallengeCatalogue.Of(code).Title)} ({code})").ToList();
            var escalated = challengesAt[site.Figures.Id].Count(c => c.Status == ChallengeStatus.Escalated);
            yield return new ParagraphBlock(string.Concat(
                $"{site.Figures.Name} ({site.Figures.Code}) is {site.Rating.Rating}: {string.Join("; ", site.Rating.Reasons.Select(r => r.Text))}.",
                worsening.Count == 0 ? "" : $" Worsening: {Listed(worsening)}.",
                high.Count == 0 ? "" : $" High: {Listed(high)}.",
                escalated == 0 ? "" : $" {Count(escalated, "challenge")} {(escalated == 1 ? "waits" : "wait")} for the board's decision."));
        }
    }

    private static string Lowered(string title) => string.Concat(char.ToLowerInvariant(title[0]).ToString(), title[1..]);

    private static string Listed(List<string> items) =>
        string.Join("; ", items.Take(Named)) + (items.Count > Named ? $"; and {items.Count - Named} more" : "");
}
