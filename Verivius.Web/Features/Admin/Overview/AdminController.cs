using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;

namespace Verivius.Web.Features.Admin.Overview;

[Route("admin")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class AdminController : Controller
{
    private readonly IMediator _mediator;

    public AdminController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetAdminOverviewQuery(), cancellationToken));
}
