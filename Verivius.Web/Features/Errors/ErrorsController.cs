using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Errors;

/// <summary>The generic error pages: they say what happened in plain words and never show internals.</summary>
[AllowAnonymous]
[AllowWithOneTimePassword]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int status)
    {
        var known = status is 400 or 403 or 404 or 429 or 500 ? status : 500;
        Response.StatusCode = known;
        return View("Error", known);
    }
}
