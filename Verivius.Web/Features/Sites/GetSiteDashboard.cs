using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Sites;

/// <summary>
/// A site's picture for the people who run it: its recovery map, what is overdue and due soon, the
/// challenges waiting for its answer, its packs, what the last pack changed, its figures for the month
/// as every view counts them, its Red, Amber or Green rating by the provider's rule, and its trends over the
/// twelve months ending with <paramref name="Month"/> (last month if none).
/// </summary>
public sealed record GetSiteDashboardQuery(string SiteCode, string? Month) : IQuery<SiteDashboardVm>;

public sealed record SiteDashboardVm(
    DateOnly Month,
    IReadOnlyList<SiteRiskVm> Risks,
    IReadOnlyList<SiteActionVm> Overdue,
    int OverdueCount,
    IReadOnlyList<SiteActionVm> DueSoon,
    int DueSoonCount,
    IReadOnlyList<ChallengeRowVm> AwaitingAnswer,
    int AwaitingAnswerCount,
    IReadOnlyList<PackMonthVm> PackMonths,
    LatestPackVm? LatestPack,
    IReadOnlyList<MeasuredValue> Measures,
    IReadOnlyList<TrendVm> Trends,
    SiteRating Rating);

public sealed record SiteRiskVm(string Ref, AssuranceArea Area, string Risk, string? CurrentActionRef, string? Owner, DateOnly? ReviewOn, RiskTrend Trend, DateOnly? NewestEvidenceOn, int OpenChallenges);

public sealed record SiteActionVm(string Ref, string Title, string? Owner, DateOnly? DueOn);

/// <summary>What the newest upload brought: its month and version, who sent it, rows per sheet, and the challenges raised and cleared since.</summary>
public sealed record LatestPackVm(DateOnly Period, int Version, string UploadedBy, DateTimeOffset UploadedAt, IReadOnlyDictionary<string, int> Rows, int ChallengesRaised, int ChallengesCleared);

internal sealed class GetSiteDashboardHandler : IQueryHandler<GetSiteDashboardQuery, SiteDashboardVm>
{
    private const int Shown = 10;
    private const int DueSoonDays = 14;

    private readonly SiteAccess _access;
    private readonly KeptFigures _kept;
    private readonly TimeProvider _clock;

    public GetSiteDashboardHandler(SiteAccess access, KeptFigures kept, TimeProvider clock)
    {
        _access = access;
        _kept = kept;
        _clock = clock;
    }


    public async ValueTask<SiteDashboardVm> Handle(GetSiteDashboardQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(query.SiteCode, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var month = PackPeriod.AskedOrLastComplete(query.Month, today);
        return await _kept.GetAsync(
            (nameof(SiteDashboardVm), site.SiteId, today, month),
            services => ComputeAsync(services.GetRequiredService<VeriviusDbContext>(), site.SiteId, today, month, CancellationToken.None),
            cancellationToken);
    }

    /// <summary>The dashboard's figures, the same for everyone who may see the site, and so kept while nothing changes.</summary>
    private static async Task<SiteDashboardVm> ComputeAsync(VeriviusDbContext db, Guid siteId, DateOnly today, DateOnly month, CancellationToken cancellationToken)
    {
        var active = ChallengeStatuses.Active;

        var risks = await db.RecoveryRisks.Where(r => r.SiteId == siteId)
            .OrderBy(r => r.Details.Area).ThenBy(r => r.Ref)
            .Select(r => new
            {
                r.Id,
                Row = new SiteRiskVm(
                    r.Ref, r.Details.Area, r.Details.Risk, r.Details.CurrentActionRef, r.Details.Owner, r.Details.ReviewOn, r.Details.Trend, null,
                    db.Challenges.Count(c => c.SiteId == siteId && active.Contains(c.Status) && c.Records.Any(s => s.Kind == RecordKind.Recovery && s.Ref == r.Ref))),
            })
            .ToListAsync(cancellationToken);
        var freshness = await NewestEvidenceAsync(db, siteId, cancellationToken);

        var open = db.Actions.Where(a => a.SiteId == siteId && a.Details.Status != ActionStatus.Closed);
        var overdue = open.Where(a => a.Details.DueOn < today);
        var soon = open.Where(a => a.Details.DueOn >= today && a.Details.DueOn <= today.AddDays(DueSoonDays));
        var awaiting = ChallengeRegister.Rows(db, db.Sites.Where(s => s.Id == siteId), new ChallengeFilter(Status: nameof(ChallengeStatus.Open)), today);
        var versions = await PackHistory.VersionsAsync(db, siteId, cancellationToken);
        var thisSite = db.Sites.Where(s => s.Id == siteId);
        var thresholds = await thisSite.Select(s => db.ChallengeSettings.Where(c => c.ProviderId == s.ProviderId).Select(c => c.Thresholds).FirstOrDefault())
            .SingleAsync(cancellationToken) ?? ChallengeThresholds.Defaults;
        var supervisionDays = thresholds.SupervisionDays;
        var (trends, monthly) = await Trends.ForSitesAsync(db, thisSite.Select(s => s.Id), month, cancellationToken);
        var figures = await SiteFigures.LoadAsync(db, thisSite, today, month, monthly, SiteFigures.TwelveMonthsBefore(today), cancellationToken);
        return new SiteDashboardVm(
            month,
            [.. risks.Select(r => r.Row with { NewestEvidenceOn = freshness.GetValueOrDefault(r.Id) })],
            await Actions(overdue.OrderBy(a => a.Details.DueOn)).ToListAsync(cancellationToken),
            await overdue.CountAsync(cancellationToken),
            await Actions(soon.OrderBy(a => a.Details.DueOn)).ToListAsync(cancellationToken),
            await soon.CountAsync(cancellationToken),
            await ChallengeRegister.BySeverity(awaiting, descending: false).Take(Shown).ToListAsync(cancellationToken),
            await awaiting.CountAsync(cancellationToken),
            PackHistory.LastTwelveMonths(versions, today, figures[0].ReportingFrom),
            await LatestPackAsync(db, siteId, versions.Count > 0 ? versions[0] : null, cancellationToken),
            SiteFigures.Measured(figures, supervisionDays),
            trends,

            // The provider view's rule on the same figures and open risks, so the site and the ranking agree.
            figures[0].Rating(risks.Select(r => r.Row.Trend).Where(t => t != RiskTrend.Resolved), thresholds));
    }

    /// <summary>The date of the newest evidence each risk cites: how fresh the proof of its trend is.</summary>
    private static async Task<Dictionary<Guid, DateOnly?>> NewestEvidenceAsync(VeriviusDbContext db, Guid siteId, CancellationToken cancellationToken)
    {
        var links = await db.EvidenceLinks.Where(l => l.SiteId == siteId && l.OwnerKind == RecordKind.Recovery)
            .Select(l => new { l.OwnerId, l.EvidenceKind, l.EvidenceId })
            .ToListAsync(cancellationToken);
        var dates = new Dictionary<Guid, DateOnly>();
        foreach (var kind in links.Select(l => l.EvidenceKind).Distinct())
        {
            var ids = links.Where(l => l.EvidenceKind == kind).Select(l => l.EvidenceId).Distinct().ToList();
            if (RecordCatalogue.Of(kind) is SiteRecordKind cited)
            {
                foreach (var (id, date) in await cited.EvidenceDatesAsync(db, ids, cancellationToken))
                {
                    dates[id] = date;
                }
            }
        }

        return links.GroupBy(l => l.OwnerId).ToDictionary(
            g => g.Key,
            g => g.Select(l => dates.TryGetValue(l.EvidenceId, out var d) ? d : (DateOnly?)null).Max());
    }

    private static IQueryable<SiteActionVm> Actions(IQueryable<ImprovementAction> actions) =>
        actions.Take(Shown).Select(a => new SiteActionVm(a.Ref, a.Details.Title, a.Details.Owner, a.Details.DueOn));

    private static async Task<LatestPackVm?> LatestPackAsync(VeriviusDbContext db, Guid siteId, PackVersionVm? latest, CancellationToken cancellationToken)
    {
        if (latest is null)
        {
            return null;
        }

        var since = latest.UploadedAt;
        var events = await db.ChallengeEvents
            .Where(e => e.CreatedAt >= since && (e.Kind == ChallengeEventKind.Raised || e.Kind == ChallengeEventKind.Reopened || e.Kind == ChallengeEventKind.ConditionCleared))
            .Join(db.Challenges.Where(c => c.SiteId == siteId), e => e.ChallengeId, c => c.Id, (e, c) => e.Kind)
            .ToListAsync(cancellationToken);
        return new LatestPackVm(
            latest.Period,
            latest.Number,
            latest.UploadedBy,
            latest.UploadedAt,
            JsonSerializer.Deserialize<Dictionary<string, int>>(latest.RowCounts) ?? [],
            events.Count(k => k != ChallengeEventKind.ConditionCleared),
            events.Count(k => k == ChallengeEventKind.ConditionCleared));
    }
}
