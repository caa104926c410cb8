using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Verivius.Web.Common;

/// <summary>
/// A page asked for with a parameter out of its range (a month in the year 1, a page past any list)
/// gets a 400 that names the parameter and its range, before any handler runs. Forms posted with
/// mistakes are not touched: their pages show the problems beside the fields.
/// </summary>
public sealed class RefuseBadQueryFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.HttpContext.Request.Method;
        if (context.ModelState.IsValid || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return;
        }

        var problems = context.ModelState
            .Where(entry => entry.Value?.Errors.Count > 0)
            .SelectMany(entry => entry.Value!.Errors.Select(error => ProblemOf(entry.Key, error.ErrorMessage)))
            .ToList();
        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Error.cshtml",
            StatusCode = StatusCodes.Status400BadRequest,
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState)
            {
                Model = new ErrorVm(StatusCodes.Status400BadRequest, problems),
            },
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>A binder's own message ("The value 'x' is not valid") gains the parameter's name.</summary>
    private static string ProblemOf(string parameter, string message)
    {
        var name = parameter.Contains('.', StringComparison.Ordinal) ? parameter[(parameter.LastIndexOf('.') + 1)..] : parameter;
        return message.Contains(name, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(name) ? message : $"{name}: {message}";
    }
}

/// <summary>What the error page shows: the status, and any problems the request itself had.</summary>
public sealed record ErrorVm(int Status, IReadOnlyList<string> Problems);
