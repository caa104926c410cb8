using Mediator;
using Microsoft.AspNetCore.Mvc.Filters;
using Verivius.Web.Features.Sites;

namespace Verivius.Web.Security;

/// <summary>
/// Any action under a site's address answers "not found" for a site outside the person's scope before
/// it does anything else, even re-showing a form with errors. Handlers still check what they do
/// (change, not just read); this makes the address itself safe.
/// </summary>
public sealed class SiteRouteScopeFilter : IAsyncActionFilter
{
    private readonly IMediator _mediator;

    public SiteRouteScopeFilter(IMediator mediator) => _mediator = mediator;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.RouteData.Values.TryGetValue("siteCode", out var value) && value is string siteCode
            && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            await _mediator.Send(new EnsureSiteReadableQuery(siteCode), context.HttpContext.RequestAborted);
        }

        await next();
    }
}
