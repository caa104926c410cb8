using AutoMapper;
using AutoMapper.QueryableExtensions;
using Mediator;
using Verivius.Domain.Sites;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Sites;

/// <summary>The sites the signed-in person may read, a page at a time.</summary>
public sealed record ListSitesQuery(ListRequest Request) : IQuery<Page<SiteSummaryVm>>;

internal sealed class ListSitesHandler : IQueryHandler<ListSitesQuery, Page<SiteSummaryVm>>
{
    private readonly SiteAccess _access;
    private readonly AutoMapper.IConfigurationProvider _mapping;

    public ListSitesHandler(SiteAccess access, IMapper mapper)
    {
        _access = access;
        _mapping = mapper.ConfigurationProvider;
    }

    public async ValueTask<Page<SiteSummaryVm>> Handle(ListSitesQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var sites = _access.ReadableSites(scope);
        if (query.Request.SafeFilter is { } filter)
        {
            sites = sites.Where(s => s.Name.Contains(filter) || s.Code.Contains(filter));
        }

        return await SiteOrder.Sorted(sites, query.Request)
            .ProjectTo<SiteSummaryVm>(_mapping)
            .ToPageAsync(query.Request, cancellationToken);
    }

}
