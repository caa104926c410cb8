using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Verivius.Web.Hosting;

/// <summary>
/// The /health body, for load balancers and anyone else who asks without signing in: "Healthy" or
/// "Unhealthy" and nothing more. What failed, and why, goes to the log, where only operators read it.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var healthy = report.Status == HealthStatus.Healthy;
        if (!healthy)
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthResponse));
            foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            {
                log.LogWarning(entry.Exception, "Health check {Check} is {Status}: {Description}", name, entry.Status, entry.Description);
            }
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(healthy ? "Healthy" : "Unhealthy");
    }
}
