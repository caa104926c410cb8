using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Sites;

/// <summary>One site's page, for anyone who may read the site.</summary>
public sealed record GetSiteQuery(string SiteCode) : IQuery<SiteVm>;

public sealed record SiteVm(SiteSummaryVm Site, bool CanChange);

internal sealed class GetSiteHandler : IQueryHandler<GetSiteQuery, SiteVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public GetSiteHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<SiteVm> Handle(GetSiteQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var scope = await _access.ScopeAsync(cancellationToken);
        var summary = await _db.Sites.AsNoTracking()
            .Where(s => s.Id == site.SiteId)
            .Join(_db.Providers, s => s.ProviderId, p => p.Id, (s, p) => new SiteSummaryVm
            {
                Code = s.Code,
                Name = s.Name,
                ServiceType = s.ServiceType.ToString(),
                RegisteredManager = s.RegisteredManager,
                ProviderName = p.Name,
                IsActive = s.IsActive,
            })
            .SingleAsync(cancellationToken);
        return new SiteVm(summary, Domain.Access.SiteAccessPolicy.CanChange(scope, site));
    }
}
