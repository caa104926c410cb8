using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Commissioner;

/// <summary>
/// The sites granted to the signed-in commissioner, across every provider that granted them, each
/// with its recovery position: the risks with their trend and target, what has improved, what
/// remains fragile and when each is next reviewed — and the recovery updates the providers sent them. Deliberately nothing else: no owners (staff),
/// no references to records (which name staff and people), no challenges or answers.
/// </summary>
public sealed record ListCommissionedSitesQuery(ListRequest Request) : IQuery<CommissionerHomeVm>;

public sealed record CommissionerHomeVm(Page<SiteSummaryVm> Sites, IReadOnlyDictionary<string, IReadOnlyList<RecoveryPositionVm>> Positions, IReadOnlyList<RecoveryUpdateVm> Updates);

/// <summary>A recovery update a provider sent this commissioner.</summary>
/// <param name="WithdrawnReason">Set when the provider has withdrawn the update, and why.</param>
public sealed record RecoveryUpdateVm(Guid Id, string ProviderName, DateOnly Period, DateOnly DataAsOf, string? WithdrawnReason);

internal sealed class ListCommissionedSitesHandler : IQueryHandler<ListCommissionedSitesQuery, CommissionerHomeVm>
{
    private const int RecentUpdates = 12;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ListCommissionedSitesHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<CommissionerHomeVm> Handle(ListCommissionedSitesQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.IsIn(Roles.Commissioner))
        {
            throw new ForbiddenException("This page is for commissioners.");
        }

        // Only what was granted to them as a commissioner, even if the same person has another role.
        var commissioned = scope.CommissionedSiteIds.ToList();
        var sites = _access.ReadableSites(scope).Where(s => commissioned.Contains(s.Id));
        if (query.Request.SafeFilter is { } filter)
        {
            sites = sites.Where(s => s.Name.Contains(filter) || s.Code.Contains(filter));
        }

        var page = await SiteOrder.Sorted(sites, query.Request)
            .Join(_db.Providers, s => s.ProviderId, p => p.Id, (s, p) => new SiteSummaryVm
            {
                Code = s.Code,
                Name = s.Name,
                ServiceType = s.ServiceType.ToString(),
                ProviderName = p.Name,
                IsActive = s.IsActive,
            })
            .ToPageAsync(query.Request, cancellationToken);
        var codes = page.Items.Select(s => s.Code).ToList();
        var risks = await _db.RecoveryRisks
            .Join(sites.Where(s => codes.Contains(s.Code)), r => r.SiteId, s => s.Id, (r, s) => new { s.Code, r.Details })
            .Select(x => new { x.Code, Position = new RecoveryPositionVm(x.Details.Area, x.Details.Risk, x.Details.Target, x.Details.Trend, x.Details.ReviewOn) })
            .ToListAsync(cancellationToken);
        var positions = risks.GroupBy(r => r.Code).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<RecoveryPositionVm>)[.. g.Select(r => r.Position).OrderBy(p => p.HasImproved).ThenBy(p => p.ReviewOn ?? DateOnly.MaxValue).ThenBy(p => p.Area)]);
        var updates = await ReadableDocuments.For(_db, scope)
            .Where(d => d.CommissionerId == scope.UserId && d.Kind == DocumentKind.CommissionerUpdate && d.Status == DocumentStatus.Ready)
            .Join(_db.Providers, d => d.ProviderId, p => p.Id, (d, p) => new { d.Id, ProviderName = p.Name, d.Period, d.DataAsOf, d.WithdrawnReason })
            .OrderByDescending(u => u.Period).ThenBy(u => u.ProviderName)
            .Take(RecentUpdates)
            .Select(u => new RecoveryUpdateVm(u.Id, u.ProviderName, u.Period, u.DataAsOf, u.WithdrawnReason))
            .ToListAsync(cancellationToken);
        return new CommissionerHomeVm(page, positions, updates);
    }
}
