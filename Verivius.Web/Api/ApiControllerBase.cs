using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Verivius.Web.Security;

namespace Verivius.Web.Api;

/// <summary>
/// What every call of the API for care systems shares: its address under a site, its place in the
/// OpenAPI description, its rate limit, and the problems any call may answer with. A feature's API
/// controller derives from this and names the permission its calls need. A token carries no cookie,
/// so no form can be forged with it: antiforgery tokens are for the pages.
/// </summary>
[ApiController]
[Route("api/v1/sites/{siteCode}")]
[ApiExplorerSettings(GroupName = ApiDescription.Version)]
[IgnoreAntiforgeryToken(Order = 1001)]
[EnableRateLimiting(ApiRateLimit.Policy)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ApiProblem.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ApiProblem.ContentType)]
public abstract class ApiControllerBase : ControllerBase
{
}
