using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Verivius.Web.Security;

/// <summary>Someone signed in with a one-time password goes nowhere until they choose their own.</summary>
public sealed class MustChangePasswordFilter : IAsyncActionFilter
{
    private readonly SiteAccess _access;

    public MustChangePasswordFilter(SiteAccess access) => _access = access;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var userId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var exempt = context.ActionDescriptor.EndpointMetadata.OfType<AllowWithOneTimePasswordAttribute>().Any();
        if (userId is not null && !exempt
            && await _access.MustChangePasswordAsync(context.HttpContext.RequestAborted))
        {
            context.Result = new RedirectToActionResult("ChangePassword", "Account", null);
            return;
        }

        await next();
    }
}
