using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.ApiTokens;

/// <summary>The provider's API tokens, live ones first, each with its sites, permissions, expiry and last use.</summary>
public sealed record ListApiTokensQuery : IQuery<IReadOnlyList<ApiTokenRowVm>>;

/// <summary>One token of the provider, for the list and the revoke confirmation.</summary>
public sealed record GetApiTokenQuery(Guid TokenId) : IQuery<ApiTokenRowVm>;

/// <param name="Sites">The sites' names, in order.</param>
/// <param name="Status">"Live", "Expired" or "Revoked".</param>
public sealed record ApiTokenRowVm(
    Guid Id, string Name, string Hint, string Permissions, IReadOnlyList<string> Sites, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, string Status)
{
    public bool IsLive => Status == ApiTokenStatus.Live;
}

internal static class ApiTokenStatus
{
    public const string Live = "Live";
    public const string Expired = "Expired";
    public const string Revoked = "Revoked";
}

internal sealed class ListApiTokensHandler : IQueryHandler<ListApiTokensQuery, IReadOnlyList<ApiTokenRowVm>>, IQueryHandler<GetApiTokenQuery, ApiTokenRowVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public ListApiTokensHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<IReadOnlyList<ApiTokenRowVm>> Handle(ListApiTokensQuery query, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(null, cancellationToken);
        return [.. rows.OrderBy(r => !r.IsLive).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async ValueTask<ApiTokenRowVm> Handle(GetApiTokenQuery query, CancellationToken cancellationToken) =>
        (await RowsAsync(query.TokenId, cancellationToken)).SingleOrDefault()
            ?? throw new Common.NotFoundException($"No API token {query.TokenId} in your provider.");

    private async Task<List<ApiTokenRowVm>> RowsAsync(Guid? tokenId, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var tokens = await _db.ApiTokens.AsNoTracking().Include(t => t.Sites)
            .Where(t => t.ProviderId == providerId && (tokenId == null || t.Id == tokenId))
            .Select(t => new
            {
                Token = t,
                LastUsedAt = _db.ApiCalls.Where(c => c.ApiTokenId == t.Id).OrderByDescending(c => c.At).Select(c => (DateTimeOffset?)c.At).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var siteNames = await _db.Sites.AsNoTracking().Where(s => s.ProviderId == providerId)
            .ToDictionaryAsync(s => s.Id, s => $"{s.Name} ({s.Code})", cancellationToken);
        var now = _clock.GetUtcNow();
        return [.. tokens.Select(row => new ApiTokenRowVm(
            row.Token.Id,
            row.Token.Name,
            row.Token.Hint,
            ApiTokenForm.Describe(row.Token.Permissions),
            [.. row.Token.Sites.Select(s => siteNames.GetValueOrDefault(s.SiteId, "a site no longer in your provider")).Order(StringComparer.CurrentCultureIgnoreCase)],
            row.Token.CreatedAt,
            row.Token.CreatedBy,
            row.Token.ExpiresAt,
            row.LastUsedAt,
            row.Token.IsRevoked ? ApiTokenStatus.Revoked : row.Token.IsExpiredAt(now) ? ApiTokenStatus.Expired : ApiTokenStatus.Live))];
    }
}
