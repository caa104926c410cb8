using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Overview;

/// <summary>The provider admin's home: what there is to run, in numbers.</summary>
public sealed record GetAdminOverviewQuery : IQuery<AdminOverviewVm>;

public sealed record AdminOverviewVm(string ProviderName, int ActiveSites, int InactiveSites, int Users, int DisabledUsers, int Grants, int LiveApiTokens);

internal sealed class GetAdminOverviewHandler : IQueryHandler<GetAdminOverviewQuery, AdminOverviewVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public GetAdminOverviewHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<AdminOverviewVm> Handle(GetAdminOverviewQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var name = await _db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(cancellationToken);
        var sites = await _db.Sites.Where(s => s.ProviderId == providerId)
            .GroupBy(s => s.IsActive).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var users = await _db.Users.Where(u => u.ProviderId == providerId)
            .GroupBy(u => u.IsDisabled).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var grants = await _db.SiteAssignments
            .CountAsync(a => a.Kind == SiteAssignmentKind.Commissions && _db.Sites.Any(s => s.Id == a.SiteId && s.ProviderId == providerId), cancellationToken);
        return new AdminOverviewVm(
            name,
            sites.Where(s => s.Key).Sum(s => s.Count),
            sites.Where(s => !s.Key).Sum(s => s.Count),
            users.Sum(u => u.Count),
            users.Where(u => u.Key).Sum(u => u.Count),
            grants,
            await _db.ApiTokens.CountAsync(t => t.ProviderId == providerId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken));
    }
}
