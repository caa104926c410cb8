using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;

namespace Verivius.Web.Features.Admin.Outbox;

[Route("admin/outbox")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class OutboxController : Controller
{
    private readonly IMediator _mediator;

    public OutboxController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        View(await _mediator.Send(new ListOutboxQuery(page), cancellationToken));
}
