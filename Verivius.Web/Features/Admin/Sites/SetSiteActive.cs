using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>Deactivates a site (it keeps its records but takes no new ones) or reactivates it.</summary>
public sealed record SetSiteActiveCommand(string SiteCode, bool Active) : ICommand<Outcome>;

internal sealed class SetSiteActiveHandler : ICommandHandler<SetSiteActiveCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public SetSiteActiveHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Outcome> Handle(SetSiteActiveCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var site = await _db.Sites.SingleOrDefaultAsync(s => s.Code == command.SiteCode && s.ProviderId == providerId, cancellationToken)
            ?? throw new NotFoundException($"No site {command.SiteCode} in your provider.");
        if (command.Active)
        {
            site.Reactivate();
        }
        else
        {
            site.Deactivate();
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
