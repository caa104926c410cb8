using Verivius.Domain.Sites;
using Verivius.Web.Common;

namespace Verivius.Web.SiteRecords;

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
