using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;

namespace Verivius.Web.Security;

/// <summary>
/// The one service every handler asks "may this person read or change this site?". It loads the
/// person's scope once per request and applies <see cref="SiteAccessPolicy"/>; <see cref="ReadableSites"/>
/// filters queries by the same scope as a second line of defence.
/// </summary>
public sealed class SiteAccess
{
    private readonly VeriviusDbContext _db;
    private readonly CurrentActor _actor;
    private UserScope? _scope;
    private bool _mustChangePassword;
    private readonly Dictionary<string, SiteRef> _sites = new(StringComparer.Ordinal);

    public SiteAccess(VeriviusDbContext db, CurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<UserScope> ScopeAsync(CancellationToken cancellationToken)
    {
        if (_scope is null)
        {
            (_scope, _) = await LoadScopeAsync(_actor.UserId, null, cancellationToken);
        }

        return _scope;
    }

    /// <summary>
    /// When a live session of this (enabled) person was last seen, or null when it has ended. Checked on
    /// every request, so it rides on the query that loads the person's scope for the rest of the request.
    /// </summary>
    public async Task<DateTimeOffset?> SessionLastSeenAsync(string userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var (scope, lastSeen) = await LoadScopeAsync(userId, sessionId, cancellationToken);
        _scope = scope;
        return lastSeen;
    }

    /// <summary>Whether the signed-in person must change a one-time password before anything else (read with their scope).</summary>
    public async Task<bool> MustChangePasswordAsync(CancellationToken cancellationToken)
    {
        await ScopeAsync(cancellationToken);
        return _mustChangePassword;
    }

    /// <summary>The sites the scope may read, as a query to filter further.</summary>
    public IQueryable<Site> ReadableSites(UserScope scope)
    {
        if (scope.IsOperator)
        {
            return _db.Sites;
        }

        var wholeProvider = scope.SeesWholeProvider ? scope.ProviderId : null;
        var managed = scope.IsIn(Roles.RegisteredManager) ? scope.ManagedSiteIds.ToList() : [];
        var commissioned = scope.IsIn(Roles.Commissioner) ? scope.CommissionedSiteIds.ToList() : [];
        return _db.Sites.Where(s =>
            (wholeProvider != null && s.ProviderId == wholeProvider)
            || (managed.Contains(s.Id) && s.ProviderId == scope.ProviderId)
            || commissioned.Contains(s.Id));
    }

    /// <summary>The sites whose challenges the scope may see: those it reads, less any it only commissions.</summary>
    public IQueryable<Site> ChallengeSites(UserScope scope) => ReadableSites(scope.WithoutCommissioning());

    /// <summary>The site, if this person may see its challenges; otherwise not found.</summary>
    public async Task<SiteRef> ChallengeSiteAsync(string siteCode, CancellationToken cancellationToken)
    {
        var site = await ReadableSiteAsync(siteCode, cancellationToken);
        if (!SiteAccessPolicy.CanSeeChallenges(await ScopeAsync(cancellationToken), site))
        {
            throw new NotFoundException($"No site {siteCode} whose challenges you can see.");
        }

        return site;
    }

    /// <summary>The site, if this person may read it; otherwise not found, so its existence is not revealed.</summary>
    public async Task<SiteRef> ReadableSiteAsync(string siteCode, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        var site = await FindAsync(siteCode, cancellationToken);
        if (site is null || !SiteAccessPolicy.CanRead(scope, site.Value))
        {
            throw new NotFoundException($"No site {siteCode} that you can see.");
        }

        return site.Value;
    }

    /// <summary>The site, if this person may change its records; forbidden if they may only read it.</summary>
    public async Task<SiteRef> ChangeableSiteAsync(string siteCode, CancellationToken cancellationToken)
    {
        var site = await ReadableSiteAsync(siteCode, cancellationToken);
        var scope = await ScopeAsync(cancellationToken);
        if (!SiteAccessPolicy.CanChange(scope, site))
        {
            throw new ForbiddenException(site.IsActive
                ? $"You can read site {siteCode} but not change its records."
                : $"Site {siteCode} is inactive and takes no new records.");
        }

        return site;
    }

    /// <summary>The provider this person administers; forbidden for anyone who is not its provider admin.</summary>
    public async Task<Guid> AdministeredProviderAsync(CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        if (scope.ProviderId is not { } providerId || !SiteAccessPolicy.CanAdminister(scope, providerId))
        {
            throw new ForbiddenException("Only a provider admin can do this.");
        }

        return providerId;
    }

    /// <summary>
    /// A site by its code, looked up once per request: the route filter, the handler and the handlers
    /// it calls all ask about the same site.
    /// </summary>
    private async Task<SiteRef?> FindAsync(string siteCode, CancellationToken cancellationToken)
    {
        var code = siteCode.Trim();
        if (_sites.TryGetValue(code, out var known))
        {
            return known;
        }

        // A miss is not kept: a site created later in the same scope (an operator's verb) must be found.
        var found = await LookUpAsync(code, cancellationToken);
        if (found is not null)
        {
            _sites[code] = (SiteRef)found;
        }

        return found;
    }

    private async Task<SiteRef?> LookUpAsync(string code, CancellationToken cancellationToken)
    {
        var found = await _db.Sites.AsNoTracking()
            .Where(s => s.Code == code)
            .Select(s => new { s.Id, s.ProviderId, s.IsActive })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new SiteRef(found.Id, found.ProviderId, found.IsActive);
    }

    private async Task<(UserScope Scope, DateTimeOffset? SessionLastSeen)> LoadScopeAsync(string? userId, Guid? sessionId, CancellationToken cancellationToken)
    {
        if (_actor.IsOperator)
        {
            return (UserScope.Operator, null);
        }

        if (_actor.ApiTokenScope is { } apiToken)
        {
            return (apiToken, null);
        }

        if (userId is null)
        {
            return (UserScope.Nobody, null);
        }

        // One query for the person, their roles, their sites and their session: it runs on every request.
        // One person has a few roles and sites, so joining both lists in a single query costs nothing.
        var user = await _db.Users.AsNoTracking().AsSingleQuery()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new
            {
                u.ProviderId,
                u.MustChangePassword,
                Roles = _db.UserRoles.Where(ur => ur.UserId == u.Id).Join(_db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Assignments = _db.SiteAssignments.Where(a => a.UserId == u.Id).Select(a => new { a.SiteId, a.Kind }).ToList(),
                SessionLastSeen = _db.UserSessions.Where(s => s.Id == sessionId && s.UserId == u.Id && s.EndedAt == null).Select(s => (DateTimeOffset?)s.LastSeenAt).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return (UserScope.Nobody, null);
        }

        _mustChangePassword = user.MustChangePassword;
        var assignments = user.Assignments;
        var scope = new UserScope(
            userId,
            user.Roles.ToHashSet(),
            user.ProviderId,
            assignments.Where(a => a.Kind == SiteAssignmentKind.Manages).Select(a => a.SiteId).ToHashSet(),
            assignments.Where(a => a.Kind == SiteAssignmentKind.Commissions).Select(a => a.SiteId).ToHashSet());
        return (scope, user.SessionLastSeen);
    }
}
