using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Api;

/// <summary>
/// Records every call an API token makes, whatever its answer, so that the change log says what each
/// care system did and when, under the token's name. It runs around authorization: a call refused
/// for want of a permission (403) is recorded too, and one with no valid token has no token to name.
/// </summary>
public sealed class ApiCallLog
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ApiCallLog> _log;

    public ApiCallLog(RequestDelegate next, ILogger<ApiCallLog> log)
    {
        _next = next;
        _log = log;
    }

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes, TimeProvider clock)
    {
        if (!context.Request.Path.StartsWithSegments("/api/v1"))
        {
            await _next(context);
            return;
        }

        var failed = true;
        try
        {
            await _next(context);
            failed = false;
        }
        finally
        {
            if (ApiTokenAuthentication.TokenIdOf(context.User) is { } tokenId)
            {
                // A scope of its own: whatever the call left tracked, unsaved, must not be saved with it.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
                var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                db.ApiCalls.Add(new ApiCall(tokenId, clock.GetUtcNow(), context.Request.Method, context.Request.Path + context.Request.QueryString, status));
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (Exception notRecorded)
                {
                    // Logged, never thrown: the answer has gone, and a call that failed keeps its own error.
                    _log.LogError(notRecorded, "An API call of token {TokenId} could not be recorded.", tokenId);
                }
            }
        }
    }
}
