using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
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
    int SupervisionDays,
    IReadOnlyDictionary<Guid, MonthIncidents> Incidents,
    string? Contact)
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
        var end = document.Period.AddMonths(1);
        var incidents = (await db.Incidents.Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= document.Period && i.Details.OccurredOn < end)
            .GroupBy(i => i.SiteId)
            .Select(g => new { SiteId = g.Key, All = g.Count(), Safeguarding = g.Count(i => i.Details.Category == IncidentCategory.Safeguarding), Notifiable = g.Count(i => i.Details.CqcNotifiable) })
            .ToListAsync(cancellationToken))
            .ToDictionary(x => x.SiteId, x => new MonthIncidents(x.All, x.Safeguarding, x.Notifiable));

        // The provider's named contact: its nominated individual, who also signs the update off.
        var nominated = await (from user in db.Users
                               join link in db.UserRoles on user.Id equals link.UserId
                               join role in db.Roles on link.RoleId equals role.Id
                               where user.ProviderId == document.ProviderId && role.Name == Roles.NominatedIndividual && !user.IsDisabled
                               orderby user.DisplayName
                               select new { user.DisplayName, user.Email }).FirstOrDefaultAsync(cancellationToken);
        var contact = nominated is null ? null : $"{(nominated.DisplayName.Length > 0 ? nominated.DisplayName : nominated.Email)}, nominated individual ({nominated.Email})";
        return new CommissionerUpdateEvidence(document, providerName, sites, positions, figures.ToDictionary(f => f.Id), supervisionDays, incidents, contact);
    }
}

internal sealed record CommissionedSite(Guid Id, string Name, ServiceType ServiceType);

/// <summary>A site's incidents in the month: how many, how many safeguarding, how many notifiable to CQC; counts only, no one named.</summary>
internal sealed record MonthIncidents(int All, int Safeguarding, int Notifiable);
