using Mediator;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Sites;

/// <summary>For actions that touch no record of the site but live under its address: may this person see it?</summary>
public sealed record EnsureSiteReadableQuery(string SiteCode) : IQuery<Unit>;

internal sealed class EnsureSiteReadableHandler : IQueryHandler<EnsureSiteReadableQuery, Unit>
{
    private readonly SiteAccess _access;

    public EnsureSiteReadableHandler(SiteAccess access) => _access = access;

    public async ValueTask<Unit> Handle(EnsureSiteReadableQuery query, CancellationToken cancellationToken)
    {
        await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        return Unit.Value;
    }
}
