using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>
/// What every section of a board or site pack reads: the sites and their figures, the recovery risks,
/// the challenges standing and the records they are about, all as at the pack's day. Sections gather
/// anything else themselves, and cite each record they name so the appendix can list it.
/// </summary>
internal sealed class GovernancePackEvidence
{
    private readonly SortedSet<(string Site, string Kind, string Ref)> _cited = [];

    private GovernancePackEvidence(VeriviusDbContext db, GovernanceDocument document, string providerName, IQueryable<Site> sites, List<SiteFigures> figures)
    {
        Db = db;
        Document = document;
        ProviderName = providerName;
        Sites = sites;
        Figures = figures;
        SiteIds = [.. figures.Select(s => s.Id)];
        SiteOf = figures.ToDictionary(s => s.Id);
    }

    public VeriviusDbContext Db { get; }

    public GovernanceDocument Document { get; }

    public DateOnly AsOf => Document.DataAsOf;

    public DateOnly Period => Document.Period;

    public bool IsBoard => Document.Kind == DocumentKind.BoardPack;

    public string ProviderName { get; }

    public IQueryable<Site> Sites { get; }

    public List<Guid> SiteIds { get; }

    /// <summary>The sites in name order, each with its figures as at the pack's day.</summary>
    public List<SiteFigures> Figures { get; }

    public Dictionary<Guid, SiteFigures> SiteOf { get; }

    /// <summary>The provider's thresholds: the supervision interval the figures are measured against, and the lines of the sites' rating.</summary>
    public ChallengeThresholds Thresholds { get; private set; } = ChallengeThresholds.Defaults;

    public int SupervisionDays => Thresholds.SupervisionDays;

    /// <summary>The trend charts over the twelve months to the pack's month, summed from the same monthly figures as the tables.</summary>
    public IReadOnlyList<TrendVm> Trends { get; private set; } = [];

    public List<PackRisk> Risks { get; private set; } = [];

    public List<PackRisk> OpenRisks { get; private set; } = [];

    /// <summary>Each site with its red, amber or green rating, worst first: the provider view's rule and ranking.</summary>
    public List<RatedSite> Rated { get; private set; } = [];

    /// <summary>The challenges standing (open, answered or escalated), oldest first.</summary>
    public List<PackChallenge> Challenges { get; private set; } = [];

    /// <summary>The severities of the challenges standing on each recovery risk, by site and reference.</summary>
    public ILookup<(Guid SiteId, string Ref), ChallengeSeverity> OnRisk { get; private set; } = Enumerable.Empty<(Guid, string)>().ToLookup(x => x, _ => ChallengeSeverity.Low);

    /// <summary>Every record the pack has named so far, by site name, record and reference.</summary>
    public IReadOnlyCollection<(string Site, string Kind, string Ref)> Cited => _cited;

    public static async Task<GovernancePackEvidence> GatherAsync(VeriviusDbContext db, GovernanceDocument document, CancellationToken cancellationToken)
    {
        var sites = document.SiteId is { } siteId
            ? db.Sites.Where(s => s.Id == siteId)
            : db.Sites.Where(s => s.ProviderId == document.ProviderId && s.IsActive);
        var provider = await db.Providers.Where(p => p.Id == document.ProviderId).Select(p => new
        {
            p.Name,
            Thresholds = db.ChallengeSettings.Where(c => c.ProviderId == p.Id).Select(c => c.Thresholds).FirstOrDefault(),
        }).SingleAsync(cancellationToken);
        var months = SiteFigures.TwelveMonthsBefore(document.Period.AddMonths(1));
        var thresholds = provider.Thresholds ?? ChallengeThresholds.Defaults;
        var (trends, monthly) = await SiteRecords.Trends.ForSitesAsync(db, sites.Select(s => s.Id), document.Period, cancellationToken);
        var figures = await SiteFigures.LoadAsync(db, sites, document.DataAsOf, document.Period, monthly, months, cancellationToken);
        var pack = new GovernancePackEvidence(db, document, provider.Name, sites, figures) { Thresholds = thresholds, Trends = trends };
        var siteIds = pack.SiteIds;

        pack.Risks = await db.RecoveryRisks.Where(r => siteIds.Contains(r.SiteId))
            .Select(r => new PackRisk(r.SiteId, r.Ref, r.Details.Area, r.Details.Risk, r.Details.CurrentActionRef, r.Details.Owner, r.Details.ReviewOn, r.Details.Trend))
            .ToListAsync(cancellationToken);
        pack.OpenRisks = [.. pack.Risks.Where(r => r.Trend != RiskTrend.Resolved)];
        var risksAt = pack.OpenRisks.ToLookup(r => r.SiteId);
        pack.Rated = [.. SiteRating.WorstFirst(
            figures.Select(s => new RatedSite(s, s.Rating(risksAt[s.Id].Select(r => r.Trend), thresholds), [.. risksAt[s.Id]])), s => s.Rating, s => s.Figures.Name)];

        // Each challenge's records are read from the challenge's own row, where the register writes them in order, rather than
        // by joining their rows: that join read two to three rows a challenge, and the standing challenges grow with what a
        // provider's history left unanswered (48,000 rows for 500 sites over five years of generated history).
        var active = ChallengeStatuses.Active;
        pack.Challenges = [.. (await db.Challenges.Where(c => siteIds.Contains(c.SiteId) && active.Contains(c.Status))
                .OrderBy(c => c.RaisedOn)
                .Select(c => new { c.SiteId, c.Code, c.Severity, c.Status, c.Finding, c.Subjects, c.RaisedOn, c.EscalationReason })
                .ToListAsync(cancellationToken))
            .Select(c => new PackChallenge(c.SiteId, c.Code, c.Severity, c.Status, c.Finding, SubjectRef.Split(c.Subjects), c.RaisedOn, c.EscalationReason))];
        pack.OnRisk = pack.Challenges
            .SelectMany(c => c.Subjects.Where(s => s.Kind == RecordKind.Recovery).Select(s => (c.SiteId, s.Ref, c.Severity)))
            .ToLookup(s => (s.SiteId, s.Ref), s => s.Severity);
        return pack;
    }

    public void Cite(Guid siteId, RecordKind kind, string reference) =>
        _cited.Add((SiteOf[siteId].Name, RecordCatalogue.Of(kind).Singular, reference));

    public void Cite(PackChallenge challenge)
    {
        foreach (var subject in challenge.Subjects)
        {
            Cite(challenge.SiteId, subject.Kind, subject.Ref);
        }
    }
}

internal sealed record PackRisk(Guid SiteId, string Ref, AssuranceArea Area, string Text, string? CurrentActionRef, string? Owner, DateOnly? ReviewOn, RiskTrend Trend);

/// <summary>A site of the pack with its figures, its rating and its open recovery risks.</summary>
internal sealed record RatedSite(SiteFigures Figures, SiteRating Rating, IReadOnlyList<PackRisk> OpenRisks);

internal sealed record PackChallenge(Guid SiteId, string Code, ChallengeSeverity Severity, ChallengeStatus Status, string Finding, IReadOnlyList<SubjectRef> Subjects, DateOnly RaisedOn, string? EscalationReason);
