using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Errors;

/// <summary>
/// The generic error pages: they keep the status they were given, say what happened in plain words
/// and never show internals.
/// </summary>
[AllowAnonymous]
[AllowWithOneTimePassword]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    private readonly SecurityOptions _security;

    public ErrorsController(SecurityOptions security) => _security = security;

    /// <summary>
    /// A status a request ended with (404, 405 and the like), re-executed here by the status-code
    /// pages, which say what the original status was; the address is for a visit made directly.
    /// </summary>
    [Route("{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show([FromRoute] int status)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? status;
        return Page(original is >= 400 and <= 599 ? original : StatusCodes.Status500InternalServerError);
    }

    /// <summary>An exception that escaped a request: 500, or the status a bad request exception carries.</summary>
    [Route("")]
    [IgnoreAntiforgeryToken]
    public IActionResult Failed() => Page(Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : StatusCodes.Status500InternalServerError);

    private ViewResult Page(int status)
    {
        Response.StatusCode = status;
        var problems = status == StatusCodes.Status413PayloadTooLarge
            ? [$"A request may be at most {_security.MaxRequestBodyBytes / (1024 * 1024)} MB. Send fewer or smaller attachments at once."]
            : HttpContext.Features.Get<IExceptionHandlerFeature>() is { Error: BadHttpRequestException bad } ? new[] { bad.Message } : [];
        return View("Error", new ErrorVm(status, problems));
    }
}
