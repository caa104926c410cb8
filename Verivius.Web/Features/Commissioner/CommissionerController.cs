using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Commissioner;

[Route("commissioner")]
[Authorize(Roles = Roles.Commissioner)]
public sealed class CommissionerController : Controller
{
    private readonly IMediator _mediator;

    public CommissionerController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListCommissionedSitesQuery(request), cancellationToken));
}
