using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Verivius.Web.Security;

/// <summary>Slows password guessing from one address; lockout (5 failures) protects each account.</summary>
public static class LoginRateLimit
{
    public const string Policy = "login";

    public static void Configure(RateLimiterOptions options, SecurityOptions security)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = security.LoginAttemptsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }
}
