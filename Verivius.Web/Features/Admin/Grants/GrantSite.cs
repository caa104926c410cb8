using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Grants;

/// <summary>Lets an existing commissioner (of any organisation) read one of the provider's sites.</summary>
public sealed record GrantSiteCommand(string CommissionerEmail, string SiteCode) : ICommand<Outcome>;

internal sealed class GrantSiteHandler : ICommandHandler<GrantSiteCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly SiteAccess _access;

    public GrantSiteHandler(VeriviusDbContext db, UserManager<VeriviusUser> users, SiteAccess access)
    {
        _db = db;
        _users = users;
        _access = access;
    }

    public async ValueTask<Outcome> Handle(GrantSiteCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var code = command.SiteCode.Trim();
        var siteId = await _db.Sites.Where(s => s.Code == code && s.ProviderId == providerId)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (siteId is null)
        {
            return Outcome.Refused("SiteCode", $"There is no site {code} in your provider.");
        }

        var commissioner = await _users.FindByEmailAsync(command.CommissionerEmail.Trim());
        if (commissioner is null || !await _users.IsInRoleAsync(commissioner, Roles.Commissioner))
        {
            return Outcome.Refused("CommissionerEmail", $"There is no commissioner account with the email {command.CommissionerEmail.Trim()}. Add them as a user with the Commissioner role first.");
        }

        if (await _db.SiteAssignments.AnyAsync(a => a.UserId == commissioner.Id && a.SiteId == siteId && a.Kind == SiteAssignmentKind.Commissions, cancellationToken))
        {
            return Outcome.Refused("SiteCode", $"{commissioner.Email} can already read site {code}.");
        }

        _db.SiteAssignments.Add(new SiteAssignment(commissioner.Id, siteId.Value, SiteAssignmentKind.Commissions));
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
