using AutoMapper;
using AutoMapper.QueryableExtensions;
using Mediator;
using Verivius.Domain.Sites;
using Verivius.Web.Common;
using Verivius.Web.Security;

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

/// <summary>How a list of sites is sorted: by name unless the request asks for code or service type.</summary>
internal static class SiteOrder
{
    internal static IQueryable<Site> Sorted(IQueryable<Site> sites, ListRequest request) => (request.Sort, request.Descending) switch
    {
        ("code", false) => sites.OrderBy(s => s.Code),
        ("code", true) => sites.OrderByDescending(s => s.Code),
        ("type", false) => sites.OrderBy(s => s.ServiceType).ThenBy(s => s.Name),
        ("type", true) => sites.OrderByDescending(s => s.ServiceType).ThenBy(s => s.Name),
        (_, true) => sites.OrderByDescending(s => s.Name),
        _ => sites.OrderBy(s => s.Name),
    };
}
