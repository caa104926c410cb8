using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>The provider's users, a page at a time, with their roles and how many sites each has.</summary>
public sealed record ListUsersQuery(ListRequest Request) : IQuery<Page<UserRowVm>>;

internal sealed class ListUsersHandler : IQueryHandler<ListUsersQuery, Page<UserRowVm>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public ListUsersHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<Page<UserRowVm>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var users = _db.Users.AsNoTracking().Where(u => u.ProviderId == providerId);
        if (query.Request.SafeFilter is { } filter)
        {
            users = users.Where(u => u.Email!.Contains(filter) || u.DisplayName.Contains(filter));
        }

        users = (query.Request.Sort, query.Request.Descending) switch
        {
            ("name", false) => users.OrderBy(u => u.DisplayName),
            ("name", true) => users.OrderByDescending(u => u.DisplayName),
            (_, true) => users.OrderByDescending(u => u.Email),
            _ => users.OrderBy(u => u.Email),
        };
        return await users.Select(u => new UserRowVm
        {
            Id = u.Id,
            Email = u.Email!,
            DisplayName = u.DisplayName,
            Roles = _db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(_db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(name => name)
                .ToList(),
            SiteCount = _db.SiteAssignments.Count(a => a.UserId == u.Id),
            IsDisabled = u.IsDisabled,
            IsLockedOut = !u.IsDisabled && u.LockoutEnd != null && u.LockoutEnd > now,
            MustChangePassword = u.MustChangePassword,
        }).ToPageAsync(query.Request, cancellationToken);
    }
}
