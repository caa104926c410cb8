using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Verivius.Web.Security;

/// <summary>
/// A session ends after 30 idle minutes (the cookie's sliding expiry), 12 hours after sign-in however
/// active, and at once when the server ends it (sign-out, a password change, an admin's change): the
/// session's id and sign-in time ride in the cookie's properties, which survive every renewal.
/// </summary>
public static class SessionLimits
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var limit = services.GetRequiredService<SecurityOptions>().AbsoluteSessionLimit;
        var (sessionId, started) = SignedInSessions.Read(context.Properties);
        var userId = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var cancellationToken = context.HttpContext.RequestAborted;
        if (started is null || clock.GetUtcNow() - started > limit || sessionId is not { } id || userId is null
            || await services.GetRequiredService<SiteAccess>().SessionLastSeenAsync(userId, id, cancellationToken) is not { } lastSeen)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        SignedInSessions.MarkCurrent(context.HttpContext, id);
        if (clock.GetUtcNow() - lastSeen > Domain.Access.UserSession.LastSeenPrecision)
        {
            await services.GetRequiredService<SignedInSessions>().SeenAsync(id, cancellationToken);
        }

        // Identity's own check: a disabled user or a changed password (new security stamp) ends the session.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
