using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;
using static Verivius.Web.Features.Documents.GovernancePacks.PackTables;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The pack's opening: the position in one paragraph, what improved, what remains fragile and what changed since the last pack.</summary>
internal sealed class ExecutiveSummary : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var document = pack.Document;
        var since = await pack.Db.Documents
            .Where(d => d.ProviderId == document.ProviderId && d.Kind == document.Kind && d.SiteId == document.SiteId && d.Status == DocumentStatus.Ready && d.Period < document.Period)
            .OrderByDescending(d => d.Period)
            .Select(d => (DateOnly?)d.DataAsOf)
            .FirstOrDefaultAsync(cancellationToken);
        var from = since ?? document.Period.AddDays(-1);
        var changes = await EventsBetween(pack.Db, pack.SiteIds, from, pack.AsOf)
            .GroupBy(k => k)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);

        var figures = pack.Figures;
        var openRisks = pack.OpenRisks;
        var challenges = pack.Challenges;
        var title = DocumentKinds.Title(document.Kind).ToLowerInvariant();
        return
        [
            new HeadingBlock(1, "Executive summary"),
            new ParagraphBlock(
                $"{(pack.IsBoard ? $"{Count(figures.Count, "active site")} of {pack.ProviderName}" : figures.Single().Name)} carried {Count(openRisks.Count, "open recovery risk")} at {Date(pack.AsOf)}: "
                + $"{openRisks.Count(r => r.Trend == RiskTrend.Worsening)} worsening, {openRisks.Count(r => r.Trend == RiskTrend.NoChange)} not changing and {openRisks.Count(r => r.Trend == RiskTrend.Improving)} improving. "
                + $"{Count(challenges.Count, "challenge")} stand open ({challenges.Count(c => c.Severity == ChallengeSeverity.High)} high), {challenges.Count(c => c.Status == ChallengeStatus.Escalated)} of them escalated; "
                + $"{Count(figures.Sum(s => s.Overdue), "action")} are overdue. {PackArrival(pack)}"),
            new HeadingBlock(2, "What improved"),
            Bullets(
                pack.Risks.Where(r => r.Trend is RiskTrend.Improving or RiskTrend.Resolved).OrderBy(r => r.Trend).ThenBy(r => r.Area).ToList(),
                r => $"{pack.SiteOf[r.SiteId].Name}: {r.Text} ({Trend(r.Trend).ToLowerInvariant()}, {r.Area})",
                $"No recovery risk was improving at {Date(pack.AsOf)}."),
            new HeadingBlock(2, "What remains fragile"),
            Bullets(
                openRisks.Where(r => r.Trend == RiskTrend.Worsening || HasHighChallenge(pack, r)).OrderBy(r => r.Trend).ThenBy(r => r.Area).ToList(),
                r => $"{pack.SiteOf[r.SiteId].Name}: {r.Text} ({Trend(r.Trend).ToLowerInvariant()}{(HasHighChallenge(pack, r) ? ", with a high challenge standing on it" : "")})",
                "No open risk is worsening or carries a high challenge."),
            new HeadingBlock(2, "What changed since the last pack"),
            new ParagraphBlock(
                (since is { } last ? $"Since the last {title} (evidence as at {Date(last)}): " : $"This is the first {title} written here; during {Month(pack.Period)}: ")
                + $"{Count(changes.GetValueOrDefault(ChallengeEventKind.Raised) + changes.GetValueOrDefault(ChallengeEventKind.Reopened), "challenge")} raised or reopened, "
                + $"{changes.GetValueOrDefault(ChallengeEventKind.ConditionCleared)} cleared by the evidence, {changes.GetValueOrDefault(ChallengeEventKind.Accepted)} answered and accepted, "
                + $"{changes.GetValueOrDefault(ChallengeEventKind.Escalated)} escalated and {changes.GetValueOrDefault(ChallengeEventKind.Responded)} answered by the sites."),
        ];
    }

    /// <summary>The kinds of the events on the sites' challenges after one day and up to another.</summary>
    /// <remarks>
    /// Read from the days' events, each checked against its challenge's site: joined from the sites' challenges instead, SQLite
    /// read every challenge the sites ever had and every event of each, which grows with the years a register has kept.
    /// </remarks>
    internal static IQueryable<ChallengeEventKind> EventsBetween(VeriviusDbContext db, List<Guid> siteIds, DateOnly after, DateOnly through) =>
        db.ChallengeEvents
            .Where(e => e.On > after && e.On <= through && db.Challenges.Any(c => c.Id == e.ChallengeId && siteIds.Contains(c.SiteId)))
            .Select(e => e.Kind);

    private static bool HasHighChallenge(GovernancePackEvidence pack, PackRisk risk) => pack.OnRisk[(risk.SiteId, risk.Ref)].Contains(ChallengeSeverity.High);

    /// <summary>Whether the month's packs are in: counted across a provider, said plainly for one site.</summary>
    private static string PackArrival(GovernancePackEvidence pack)
    {
        var figures = pack.Figures;
        if (pack.IsBoard)
        {
            return $"The pack for {Month(pack.Period)} has arrived from {figures.Count(s => s.Packs[^1])} of the {Count(figures.Count(s => s.Packs[^1] || s.PackMissing), "site")} that owe it.";
        }

        var site = figures.Single();
        return site.Packs[^1] ? $"Its pack for {Month(pack.Period)} has arrived." : site.PackMissing ? $"Its pack for {Month(pack.Period)} is missing." : $"Its pack for {Month(pack.Period)} is not due yet.";
    }
}
