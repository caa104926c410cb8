using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Grants;

/// <summary>Ends a commissioner's access to one of the provider's sites; the change log keeps that it existed.</summary>
public sealed record RevokeGrantCommand(Guid GrantId) : ICommand<Outcome>;

/// <summary>One grant of the admin's provider, for the confirmation page.</summary>
public sealed record GetGrantQuery(Guid GrantId) : IQuery<GrantRowVm>;

internal sealed class RevokeGrantHandler : ICommandHandler<RevokeGrantCommand, Outcome>, IQueryHandler<GetGrantQuery, GrantRowVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public RevokeGrantHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Outcome> Handle(RevokeGrantCommand command, CancellationToken cancellationToken)
    {
        var grant = await FindAsync(command.GrantId, cancellationToken);
        _db.SiteAssignments.Remove(grant);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<GrantRowVm> Handle(GetGrantQuery query, CancellationToken cancellationToken)
    {
        var grant = await FindAsync(query.GrantId, cancellationToken);
        return await (from site in _db.Sites
                      join user in _db.Users on grant.UserId equals user.Id
                      where site.Id == grant.SiteId
                      select new GrantRowVm { Id = grant.Id, CommissionerEmail = user.Email!, SiteCode = site.Code, SiteName = site.Name })
            .SingleAsync(cancellationToken);
    }

    private async Task<SiteAssignment> FindAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        return await (from grant in _db.SiteAssignments
                      join site in _db.Sites on grant.SiteId equals site.Id
                      where grant.Id == grantId && grant.Kind == SiteAssignmentKind.Commissions && site.ProviderId == providerId
                      select grant).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No grant {grantId} in your provider.");
    }
}
