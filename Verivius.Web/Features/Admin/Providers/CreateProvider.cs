using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Providers;

/// <summary>Registers a new provider. Only an operator does this; a provider then runs itself.</summary>
public sealed record CreateProviderCommand(string Name) : ICommand<Outcome<Guid>>;

internal sealed class CreateProviderHandler : ICommandHandler<CreateProviderCommand, Outcome<Guid>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public CreateProviderHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Outcome<Guid>> Handle(CreateProviderCommand command, CancellationToken cancellationToken)
    {
        if (!(await _access.ScopeAsync(cancellationToken)).IsOperator)
        {
            throw new ForbiddenException("Providers are created by an operator.");
        }

        Domain.Providers.Provider provider;
        try
        {
            provider = new Domain.Providers.Provider(command.Name);
        }
        catch (DomainException refused)
        {
            return Outcome<Guid>.Refused("Name", refused.Message);
        }

        if (await _db.Providers.AnyAsync(p => p.Name == provider.Name, cancellationToken))
        {
            return Outcome<Guid>.Refused("Name", $"There is already a provider called \"{provider.Name}\".");
        }

        _db.Providers.Add(provider);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Of(provider.Id);
    }
}
