using Microsoft.AspNetCore.Mvc.Filters;

namespace Verivius.Web.Security;

/// <summary>
/// Any action under a site's address answers "not found" for a site outside the person's scope before
/// it does anything else, even re-showing a form with errors. Handlers still check what they do
/// (change, not just read); this makes the address itself safe.
/// </summary>
public sealed class SiteRouteScopeFilter : IAsyncActionFilter
{
    private readonly SiteAccess _access;

    public SiteRouteScopeFilter(SiteAccess access) => _access = access;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.RouteData.Values.TryGetValue("siteCode", out var value) && value is string siteCode
            && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            await _access.ReadableSiteAsync(siteCode, context.HttpContext.RequestAborted);
        }

        await next();
    }
}
