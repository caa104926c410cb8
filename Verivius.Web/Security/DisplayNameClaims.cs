using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Verivius.Infrastructure.Identity;

namespace Verivius.Web.Security;

/// <summary>
/// Puts the person's display name in their sign-in, so every page can greet them by name without a
/// query. It is made where Identity makes the rest of the claims, so a cookie refreshed after a
/// security-stamp check keeps it too.
/// </summary>
public sealed class DisplayNameClaims : UserClaimsPrincipalFactory<VeriviusUser, IdentityRole>
{
    public const string ClaimType = "verivius:display_name";

    public DisplayNameClaims(UserManager<VeriviusUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : base(users, roles, options)
    {
    }

    /// <summary>The name a page shows for the signed-in person: their display name, or their e-mail when they have none.</summary>
    public static string? Of(ClaimsPrincipal person) =>
        person.FindFirst(ClaimType)?.Value is { Length: > 0 } name ? name : person.Identity?.Name;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(VeriviusUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        }

        return identity;
    }
}
