using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;

namespace Verivius.Web.Features.Admin.History;

[Route("admin/history")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class HistoryController : Controller
{
    private readonly IMediator _mediator;

    public HistoryController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var recent = await _mediator.Send(new RecentChangesQuery(), cancellationToken);
        var check = await _mediator.Send(new VerifyHistoryQuery(), cancellationToken);
        return View(new HistoryVm(check, recent));
    }
}

public sealed record HistoryVm(HistoryCheckVm Check, IReadOnlyList<Common.ChangeVm> Recent);
