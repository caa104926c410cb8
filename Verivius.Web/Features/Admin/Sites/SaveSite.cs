using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>Adds a site to the admin's provider, or changes one of its sites' details (never its code).</summary>
public sealed record SaveSiteCommand(bool IsNew, string Code, string Name, string ServiceType, string? RegisteredManager) : ICommand<Outcome>;

internal sealed class SaveSiteHandler : ICommandHandler<SaveSiteCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public SaveSiteHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Outcome> Handle(SaveSiteCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        if (!ServiceTypes.TryParse(command.ServiceType, out var serviceType))
        {
            return Outcome.Refused("ServiceType", $"Choose a service type: {ServiceTypes.ValidList}.");
        }

        var code = command.Code.Trim();
        try
        {
            if (command.IsNew)
            {
                if (CqcLocationId.Problem(code) is { } problem)
                {
                    return Outcome.Refused("Code", char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
                }

                if (await _db.Sites.AnyAsync(s => s.Code == code, cancellationToken))
                {
                    return Outcome.Refused("Code", $"A site with CQC location ID {code} is already registered in Verivius.");
                }

                _db.Sites.Add(new Site(providerId, code, command.Name, serviceType, command.RegisteredManager));
            }
            else
            {
                var site = await _db.Sites.SingleOrDefaultAsync(s => s.Code == code && s.ProviderId == providerId, cancellationToken)
                    ?? throw new NotFoundException($"No site {code} in your provider.");
                site.Describe(command.Name, serviceType, command.RegisteredManager);
            }
        }
        catch (DomainException refused)
        {
            return Outcome.Refused("Name", refused.Message);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
