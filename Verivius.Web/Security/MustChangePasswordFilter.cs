using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Security;

/// <summary>Someone signed in with a one-time password goes nowhere until they choose their own.</summary>
public sealed class MustChangePasswordFilter : IAsyncActionFilter
{
    private readonly VeriviusDbContext _db;

    public MustChangePasswordFilter(VeriviusDbContext db) => _db = db;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var userId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var exempt = context.ActionDescriptor.EndpointMetadata.OfType<AllowWithOneTimePasswordAttribute>().Any();
        if (userId is not null && !exempt
            && await _db.Users.AnyAsync(u => u.Id == userId && u.MustChangePassword, context.HttpContext.RequestAborted))
        {
            context.Result = new RedirectResult("/account/change-password");
            return;
        }

        await next();
    }
}
