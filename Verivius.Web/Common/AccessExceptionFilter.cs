using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Verivius.Web.Common;

/// <summary>Turns a handler's not-found or forbidden answer into the 404 or 403 page.</summary>
public sealed class AccessExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var status = context.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            _ => 0,
        };
        if (status != 0)
        {
            context.Result = new StatusCodeResult(status);
            context.ExceptionHandled = true;
        }
    }
}
