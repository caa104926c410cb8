using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Verivius.Web.Security;

/// <summary>
/// A session ends after 30 idle minutes (the cookie's sliding expiry) and, however active, 12 hours after
/// sign-in: the sign-in time rides in the cookie's properties, which survive every renewal.
/// </summary>
public static class SessionLimits
{
    private const string SignedInAtKey = "verivius.signed-in-at";

    public static AuthenticationProperties StartedAt(DateTimeOffset now)
    {
        var properties = new AuthenticationProperties();
        properties.Items[SignedInAtKey] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return properties;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var limit = context.HttpContext.RequestServices.GetRequiredService<SecurityOptions>().AbsoluteSessionLimit;
        var started = context.Properties.Items.TryGetValue(SignedInAtKey, out var text) && long.TryParse(text, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        if (started is null || clock.GetUtcNow() - started > limit)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's own check: a disabled user or a changed password (new security stamp) ends the session.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
