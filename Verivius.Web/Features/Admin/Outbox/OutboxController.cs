using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

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

    [HttpGet("/admin/mail-schedule")]
    public async Task<IActionResult> Schedule(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetMailScheduleQuery(), cancellationToken));

    [HttpPost("/admin/mail-schedule")]
    public async Task<IActionResult> Schedule(MailScheduleForm form, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new SaveMailScheduleCommand(form), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "The reminder times are saved.";
            return RedirectToAction(nameof(Schedule));
        }

        ModelState.AddProblems(outcome);
        return View(await _mediator.Send(new GetMailScheduleQuery(form), cancellationToken));
    }
}
