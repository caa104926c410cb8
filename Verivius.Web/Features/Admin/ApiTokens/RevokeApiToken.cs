using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.ApiTokens;

/// <summary>Revokes a token of the admin's provider at once; it stays listed, with its calls, as revoked.</summary>
public sealed record RevokeApiTokenCommand(Guid TokenId) : ICommand<RevokedApiToken>;

public sealed record RevokedApiToken(string Name);

internal sealed class RevokeApiTokenHandler : ICommandHandler<RevokeApiTokenCommand, RevokedApiToken>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;

    public RevokeApiTokenHandler(VeriviusDbContext db, SiteAccess access, CurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async ValueTask<RevokedApiToken> Handle(RevokeApiTokenCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var token = await _db.ApiTokens.SingleOrDefaultAsync(t => t.Id == command.TokenId && t.ProviderId == providerId, cancellationToken)
            ?? throw new NotFoundException($"No API token {command.TokenId} in your provider.");
        token.Revoke(_actor.ActorName, _clock.GetUtcNow());
        await _db.SaveChangesAsync(cancellationToken);
        return new RevokedApiToken(token.Name);
    }
}
