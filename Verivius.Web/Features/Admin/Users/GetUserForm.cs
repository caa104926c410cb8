using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>The user form, blank (no id) or filled with an existing user of the admin's provider.</summary>
public sealed record GetUserFormQuery(string? UserId) : IQuery<UserFormVm>;

internal sealed class GetUserFormHandler : IQueryHandler<GetUserFormQuery, UserFormVm>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly SiteAccess _access;
    private readonly PasswordLinks _links;

    public GetUserFormHandler(VeriviusDbContext db, UserManager<VeriviusUser> users, SiteAccess access, PasswordLinks links)
    {
        _db = db;
        _users = users;
        _access = access;
        _links = links;
    }

    public async ValueTask<UserFormVm> Handle(GetUserFormQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var form = new UserFormVm { SiteChoices = await SiteChoicesAsync(_db, providerId, cancellationToken), InvitedByMail = _links.CanSend };
        if (query.UserId is null)
        {
            return form;
        }

        var user = await AdministeredUser.FindAsync(_users, _access, query.UserId, cancellationToken);
        form.Id = user.Id;
        form.Email = user.Email!;
        form.DisplayName = user.DisplayName;
        form.Organisation = user.Organisation;
        form.Roles = [.. await _users.GetRolesAsync(user)];
        form.Sites = await _db.SiteAssignments.Where(a => a.UserId == user.Id)
            .Join(_db.Sites, a => a.SiteId, s => s.Id, (_, s) => s.Code)
            .ToListAsync(cancellationToken);
        return form;
    }

    public static async Task<IReadOnlyList<SiteChoice>> SiteChoicesAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken) =>
        await db.Sites.AsNoTracking()
            .Where(s => s.ProviderId == providerId && s.IsActive)
            .OrderBy(s => s.Name)
            .Select(s => new SiteChoice(s.Code, s.Name))
            .ToListAsync(cancellationToken);
}
