using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Grants;

/// <summary>Which commissioners may read which of the provider's sites.</summary>
public sealed record ListGrantsQuery(ListRequest Request) : IQuery<Page<GrantRowVm>>;

internal sealed class ListGrantsHandler : IQueryHandler<ListGrantsQuery, Page<GrantRowVm>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ListGrantsHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Page<GrantRowVm>> Handle(ListGrantsQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var grants = from grant in _db.SiteAssignments
                     join site in _db.Sites on grant.SiteId equals site.Id
                     join user in _db.Users on grant.UserId equals user.Id
                     where grant.Kind == SiteAssignmentKind.Commissions && site.ProviderId == providerId
                     select new GrantRowVm
                     {
                         Id = grant.Id,
                         CommissionerEmail = user.Email!,
                         Organisation = user.Organisation,
                         SiteCode = site.Code,
                         SiteName = site.Name,
                         GrantedAt = grant.CreatedAt,
                     };
        if (query.Request.SafeFilter is { } filter)
        {
            grants = grants.Where(g => g.CommissionerEmail.Contains(filter) || g.SiteName.Contains(filter) || g.SiteCode.Contains(filter));
        }

        grants = query.Request.Sort == "site"
            ? grants.OrderBy(g => g.SiteName).ThenBy(g => g.CommissionerEmail)
            : grants.OrderBy(g => g.CommissionerEmail).ThenBy(g => g.SiteName);
        return await grants.ToPageAsync(query.Request, cancellationToken);
    }
}
