using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Web.Api;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Sites;

/// <summary>A care system reads a site's recovery position: the same query as the site's page, so the two never disagree.</summary>
[Authorize(Policy = ApiTokenAuthentication.ReadRecoveryPolicy)]
public sealed class RecoveryApiController : ApiControllerBase
{
    private readonly IMediator _mediator;

    public RecoveryApiController(IMediator mediator) => _mediator = mediator;

    /// <summary>A site's recovery position: its recovery map and the month's figures, as the site's page shows them.</summary>
    /// <param name="siteCode">The site's CQC location ID.</param>
    /// <param name="month">The month of the figures, as yyyy-MM; the last complete month if not given.</param>
    /// <response code="200">The site's recovery position.</response>
    /// <response code="401">No token, or one that is unknown, revoked or expired.</response>
    /// <response code="403">The token may not read the recovery position.</response>
    /// <response code="404">No such site among the token's sites.</response>
    [HttpGet("recovery")]
    [ProducesResponseType<RecoveryPosition>(StatusCodes.Status200OK, "application/json")]
    public async Task<RecoveryPosition> Recovery(string siteCode, [FromQuery] string? month, CancellationToken cancellationToken) =>
        RecoveryPosition.From(await _mediator.Send(new GetSiteQuery(siteCode, month), cancellationToken));
}
