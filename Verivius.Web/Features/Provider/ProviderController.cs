using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Provider;

[Route("provider")]
[Authorize(Roles = Roles.NominatedIndividual)]
public sealed class ProviderController : Controller
{
    private readonly IMediator _mediator;

    public ProviderController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProviderViewFilter filter, [FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetProviderHomeQuery(filter, request), cancellationToken));
}
