using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Sites;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Provider;

/// <summary>The nominated individual's home: their provider and its sites.</summary>
public sealed record GetProviderHomeQuery(ListRequest Request) : IQuery<ProviderHomeVm>;

public sealed record ProviderHomeVm(string ProviderName, int ActiveSites, int InactiveSites, Page<SiteSummaryVm> Sites);

internal sealed class GetProviderHomeHandler : IQueryHandler<GetProviderHomeQuery, ProviderHomeVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly IMediator _mediator;

    public GetProviderHomeHandler(VeriviusDbContext db, SiteAccess access, IMediator mediator)
    {
        _db = db;
        _access = access;
        _mediator = mediator;
    }

    public async ValueTask<ProviderHomeVm> Handle(GetProviderHomeQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.SeesWholeProvider)
        {
            throw new ForbiddenException("The provider view is for the nominated individual.");
        }

        var providerName = await _db.Providers.Where(p => p.Id == scope.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var counts = await _access.ReadableSites(scope)
            .GroupBy(s => s.IsActive)
            .Select(g => new { IsActive = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var sites = await _mediator.Send(new ListSitesQuery(query.Request), cancellationToken);
        return new ProviderHomeVm(
            providerName,
            counts.Where(c => c.IsActive).Sum(c => c.Count),
            counts.Where(c => !c.IsActive).Sum(c => c.Count),
            sites);
    }
}
