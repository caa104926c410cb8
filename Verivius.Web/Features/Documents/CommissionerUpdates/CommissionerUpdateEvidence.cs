using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Documents.CommissionerUpdates;

/// <summary>
/// What a commissioner update reads: the commissioned sites, their recovery positions, and each site's
/// figures (the month's pack among them) as the provider's own views and board pack count them.
/// </summary>
internal sealed record CommissionerUpdateEvidence(
    GovernanceDocument Document,
    string ProviderName,
    IReadOnlyList<CommissionedSite> Sites,
    ILookup<Guid, RecoveryPositionVm> Positions,
    IReadOnlyDictionary<Guid, SiteFigures> Figures,
    int SupervisionDays)
{
    public static async Task<CommissionerUpdateEvidence> GatherAsync(VeriviusDbContext db, GovernanceDocument document, IQueryable<Site> commissioned, CancellationToken cancellationToken)
    {
        var providerName = await db.Providers.Where(p => p.Id == document.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var sites = await commissioned.OrderBy(s => s.Name).Select(s => new CommissionedSite(s.Id, s.Name, s.ServiceType)).ToListAsync(cancellationToken);
        var siteIds = sites.Select(s => s.Id).ToList();
        var positions = (await db.RecoveryRisks.Where(r => siteIds.Contains(r.SiteId))
            .Select(r => new { r.SiteId, Position = new RecoveryPositionVm(r.Details.Area, r.Details.Risk, r.Details.Target, r.Details.Trend, r.Details.ReviewOn) })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.SiteId, r => r.Position);
        var supervisionDays = await db.ChallengeSettings.Where(c => c.ProviderId == document.ProviderId).Select(c => (int?)c.Thresholds.SupervisionDays).FirstOrDefaultAsync(cancellationToken)
            ?? ChallengeThresholds.Defaults.SupervisionDays;
        var monthly = await MonthlyFigures.LoadAsync(db, commissioned.Select(s => s.Id), document.Period, document.Period, withSupervision: true, cancellationToken);
        var figures = await SiteFigures.LoadAsync(
            db, commissioned, document.DataAsOf, document.Period, monthly, supervisionDays, SiteFigures.TwelveMonthsBefore(document.Period.AddMonths(1)), cancellationToken);
        return new CommissionerUpdateEvidence(document, providerName, sites, positions, figures.ToDictionary(f => f.Id), supervisionDays);
    }
}

internal sealed record CommissionedSite(Guid Id, string Name, ServiceType ServiceType);
