using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Sites;

[Route("sites")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin},{Roles.Commissioner}")]
public sealed class SitesController : Controller
{
    private readonly IMediator _mediator;

    public SitesController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListSitesQuery(request), cancellationToken));

    [HttpGet("{siteCode}")]
    public async Task<IActionResult> Show(string siteCode, [FromQuery, Month] string? month, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetSiteQuery(siteCode, month), cancellationToken));
}
