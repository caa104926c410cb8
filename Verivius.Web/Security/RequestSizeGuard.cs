namespace Verivius.Web.Security;

/// <summary>
/// Refuses a request that says it is larger than the portal takes with 413 before any of it is
/// read: otherwise the form reader fails part-way and the sender is told only that the form was bad.
/// Kestrel's own limit still stops a body that does not say its length.
/// </summary>
public sealed class RequestSizeGuard
{
    private readonly RequestDelegate _next;
    private readonly long _limit;

    public RequestSizeGuard(RequestDelegate next, SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        _next = next;
        _limit = security.MaxRequestBodyBytes;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The error page, re-executed for this same request, must not be refused in its turn.
        if (context.Request.ContentLength > _limit && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return _next(context);
    }
}
