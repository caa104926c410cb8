using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Verivius.Web.Api;

namespace Verivius.Web.Common;

/// <summary>Turns a handler's not-found or forbidden answer into the 404 or 403 page, or the API's problem details.</summary>
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
        if (status == 0)
        {
            return;
        }

        // The API answers with the problem in words; a page answers with the 404 or 403 page.
        context.Result = context.ActionDescriptor.EndpointMetadata.OfType<IApiBehaviorMetadata>().Any()
            ? ApiProblem.Result(context.HttpContext, status, status == StatusCodes.Status404NotFound ? "Not found" : "Not allowed", context.Exception.Message)
            : new StatusCodeResult(status);
        context.ExceptionHandled = true;
    }
}
