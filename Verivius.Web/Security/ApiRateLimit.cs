using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Verivius.Web.Api;

namespace Verivius.Web.Security;

/// <summary>
/// Each API token may make <see cref="SecurityOptions.ApiCallsPerMinute"/> calls a minute, so one care
/// system's runaway loop cannot crowd out the people using the portal. The limiter runs before the
/// token is checked, so it counts by the secret's hash; a request without one is counted by its address.
/// </summary>
public static class ApiRateLimit
{
    public const string Policy = "api";

    public static void Configure(RateLimiterOptions options, SecurityOptions security)
    {
        options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            PartitionOf(context),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = security.ApiCallsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            if (!rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                return;
            }

            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ApiProblem.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many calls",
                $"This token may make {security.ApiCallsPerMinute} calls a minute; try again in {seconds} seconds.");
        };
    }

    private static string PartitionOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? ApiTokenAuthentication.HashOf(header["Bearer ".Length..].Trim())
            : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
