using Verivius.Domain.Common;

namespace Verivius.Domain.Access;

/// <summary>
/// A provider admin's grant to a care system: the named sites it may reach, what it may do there, and
/// until when. Only a hash of the secret is kept; the secret itself is shown once, when it is issued.
/// Everything the care system does is recorded under <see cref="ActorName"/>.
/// </summary>
public sealed class ApiToken : Entity
{
    public const int NameLength = 80;

    /// <summary>The longest a token may live: a care system's secret that never expires is one nobody remembers to rotate.</summary>
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(366);

    private readonly List<ApiTokenSite> _sites = [];

    private ApiToken()
    {
    }

    public ApiToken(Guid providerId, string name, string secretHash, string hint, ApiPermissions permissions, IEnumerable<Guid> siteIds, DateTimeOffset expiresAt, DateTimeOffset issuedAt)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > NameLength)
        {
            throw new DomainException($"A token needs a name of 1 to {NameLength} characters, such as the care system it is for.");
        }

        if (permissions == ApiPermissions.None || (permissions & ~(ApiPermissions.SendPacks | ApiPermissions.ReadRecovery)) != 0)
        {
            throw new DomainException("A token needs at least one permission: send packs, or read the recovery position.");
        }

        var sites = siteIds.Distinct().ToList();
        if (sites.Count == 0)
        {
            throw new DomainException("A token needs at least one site.");
        }

        if (expiresAt <= issuedAt || expiresAt - issuedAt > LongestLife)
        {
            throw new DomainException("A token's expiry must be after today and at most a year ahead.");
        }

        ProviderId = providerId;
        Name = name;
        SecretHash = secretHash;
        Hint = hint;
        Permissions = permissions;
        ExpiresAt = expiresAt;
        _sites.AddRange(sites.Select(siteId => new ApiTokenSite(Id, siteId)));
    }

    public Guid ProviderId { get; private set; }

    /// <summary>Who holds it, in the provider's words ("Care planning system"); unique within the provider.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The SHA-256 of the secret, as lower-case hex. A token is long and random, so a fast hash is enough.</summary>
    public string SecretHash { get; private set; } = "";

    /// <summary>The secret's first characters, so a person can tell which token a system holds without the secret.</summary>
    public string Hint { get; private set; } = "";

    public ApiPermissions Permissions { get; private set; }

    public IReadOnlyList<ApiTokenSite> Sites => _sites;

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>How the change log and the pack versions name what the token did.</summary>
    public string ActorName => ActorNameOf(Name);

    public static string ActorNameOf(string tokenName) => $"API token \"{tokenName}\"";

    public bool Allows(ApiPermissions permission) => (Permissions & permission) == permission;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (RevokedAt is null)
        {
            RevokedAt = at;
            RevokedBy = by;
        }
    }
}

/// <summary>One site a token may reach.</summary>
public sealed class ApiTokenSite
{
    private ApiTokenSite()
    {
    }

    public ApiTokenSite(Guid apiTokenId, Guid siteId)
    {
        ApiTokenId = apiTokenId;
        SiteId = siteId;
    }

    public Guid ApiTokenId { get; private set; }

    public Guid SiteId { get; private set; }
}
