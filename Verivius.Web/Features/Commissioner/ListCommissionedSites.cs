using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Sites;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Commissioner;

/// <summary>The sites granted to the signed-in commissioner, across every provider that granted them.</summary>
public sealed record ListCommissionedSitesQuery(ListRequest Request) : IQuery<Page<SiteSummaryVm>>;

internal sealed class ListCommissionedSitesHandler : IQueryHandler<ListCommissionedSitesQuery, Page<SiteSummaryVm>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ListCommissionedSitesHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Page<SiteSummaryVm>> Handle(ListCommissionedSitesQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.IsIn(Roles.Commissioner))
        {
            throw new ForbiddenException("This page is for commissioners.");
        }

        var sites = _access.ReadableSites(scope);
        if (query.Request.SafeFilter is { } filter)
        {
            sites = sites.Where(s => s.Name.Contains(filter) || s.Code.Contains(filter));
        }

        return await ListSitesHandler.Sorted(sites, query.Request)
            .Join(_db.Providers, s => s.ProviderId, p => p.Id, (s, p) => new SiteSummaryVm
            {
                Code = s.Code,
                Name = s.Name,
                ServiceType = s.ServiceType.ToString(),
                ProviderName = p.Name,
                IsActive = s.IsActive,
            })
            .ToPageAsync(query.Request, cancellationToken);
    }
}
