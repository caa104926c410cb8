using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Oversight;

/// <summary>Provider oversight meetings and their minutes of challenge decisions.</summary>
[Route("oversight")]
[Authorize(Roles = $"{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class OversightController : Controller
{
    private readonly IMediator _mediator;

    public OversightController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListOversightMeetingsQuery(), cancellationToken));

    [HttpPost("")]
    [Authorize(Roles = Roles.NominatedIndividual)]
    public async Task<IActionResult> Schedule(DateOnly? heldOn, string? title, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("HeldOn", "Enter the date of the meeting as a date, such as 2026-12-03.");
        }
        else
        {
            var outcome = await _mediator.Send(new ScheduleOversightMeetingCommand(heldOn, title), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "The meeting is set. Decisions on challenges go into the minutes of the next meeting.";
                return RedirectToAction(nameof(Minutes), new { meetingId = outcome.Value });
            }

            ModelState.AddProblems(outcome);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await _mediator.Send(new ListOversightMeetingsQuery(), cancellationToken));
    }

    [HttpGet("{meetingId:guid}")]
    public async Task<IActionResult> Minutes(Guid meetingId, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetOversightMinutesQuery(meetingId), cancellationToken));

    [HttpPost("{meetingId:guid}/record")]
    [Authorize(Roles = Roles.NominatedIndividual)]
    public async Task<IActionResult> Record(Guid meetingId, string? attendees, string? apologies, string? actionsAgreed, string? otherBusiness, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new RecordOversightMeetingCommand(meetingId, attendees, apologies, actionsAgreed, otherBusiness), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "The minutes are saved.";
            return RedirectToAction(nameof(Minutes), new { meetingId });
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Minutes), await _mediator.Send(new GetOversightMinutesQuery(meetingId), cancellationToken));
    }

    [HttpPost("{meetingId:guid}/document")]
    [Authorize(Roles = Roles.NominatedIndividual)]
    public async Task<IActionResult> WriteDocument(Guid meetingId, CancellationToken cancellationToken) =>
        RedirectToAction("Show", "Documents", new { id = await _mediator.Send(new WriteOversightMinutesCommand(meetingId), cancellationToken) });
}
