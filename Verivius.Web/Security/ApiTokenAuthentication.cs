using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Api;

namespace Verivius.Web.Security;

/// <summary>
/// Signs in a care system by the API token it sends as <c>Authorization: Bearer …</c>. The secret is
/// looked up by its hash; a revoked or expired token, or one whose provider's sites it no longer
/// names, is refused with a 401 that says which. Only the API's endpoints use this scheme, so a
/// token never opens a page, and a browser's session never calls the API.
/// </summary>
public sealed class ApiTokenAuthentication : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "ApiToken";

    /// <summary>Every secret starts with this, so one pasted into the wrong place is recognisable.</summary>
    public const string SecretPrefix = "vrv_";

    private const string TokenIdClaim = "verivius:api-token";
    private const string ProviderClaim = "verivius:api-provider";
    private const string SiteClaim = "verivius:api-site";
    private const string PermissionsClaim = "verivius:api-permissions";

    private readonly VeriviusDbContext _db;
    private readonly TimeProvider _clock;

    public ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VeriviusDbContext db, TimeProvider clock)
        : base(options, logger, encoder)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>A new secret: 32 random bytes, URL-safe, after the prefix.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The token's id, if this request was made with one.</summary>
    public static Guid? TokenIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenIdClaim), out var id) ? id : null;

    /// <summary>What the token may reach, built from its claims: the sites it names, as their manager.</summary>
    public static UserScope? ScopeOf(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(ProviderClaim) is not { } provider)
        {
            return null;
        }

        var sites = user.FindAll(SiteClaim).Select(c => Guid.Parse(c.Value)).ToHashSet();
        return UserScope.ForApiToken(Guid.Parse(provider), sites);
    }

    public const string SendPacksPolicy = "api:send-packs";
    public const string ReadRecoveryPolicy = "api:read-recovery";

    /// <summary>The policy each API endpoint names: signed in by this scheme alone, with the token carrying the permission.</summary>
    public static void AddPermissionPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions authorization)
    {
        foreach (var (name, permission) in new[] { (SendPacksPolicy, ApiPermissions.SendPacks), (ReadRecoveryPolicy, ApiPermissions.ReadRecovery) })
        {
            authorization.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Enum.TryParse<ApiPermissions>(context.User.FindFirstValue(PermissionsClaim), out var held) && held.HasFlag(permission)));
        }
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        var hash = HashOf(secret);
        var token = await _db.ApiTokens.AsNoTracking().Include(t => t.Sites)
            .SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("the token is not one this portal issued; check it was copied whole");
        }

        if (token.IsRevoked)
        {
            return AuthenticateResult.Fail($"the token \"{token.Name}\" was revoked on {token.RevokedAt!.Value.ToBritishDate()}; ask your provider admin for a new one");
        }

        if (token.IsExpiredAt(_clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail($"the token \"{token.Name}\" expired on {token.ExpiresAt.ToBritishDate()}; ask your provider admin for a new one");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, token.ActorName),
            new(TokenIdClaim, token.Id.ToString()),
            new(ProviderClaim, token.ProviderId.ToString()),
            new(PermissionsClaim, token.Permissions.ToString()),
        };
        claims.AddRange(token.Sites.Select(s => new Claim(SiteClaim, s.SiteId.ToString())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in", failure is null
            ? "Send an API token as \"Authorization: Bearer <token>\"; a provider admin issues tokens under Admin, API tokens."
            : $"The API token was refused: {failure}.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", "This API token does not carry the permission this call needs; a provider admin can issue one that does.");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
