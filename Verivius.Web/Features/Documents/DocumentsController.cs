using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Web.Common;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// The document library (each person sees the documents within their scope), asking for a document
/// now and watching it being written, downloading it, and the provider admin's schedules.
/// </summary>
[Route("documents")]
public sealed class DocumentsController : Controller
{
    private readonly IMediator _mediator;

    public DocumentsController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DocumentFilter filter, [FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListDocumentsQuery(filter, request), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery] DocumentRequestForm form, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetDocumentFormQuery(form), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] DocumentRequestForm form, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new RequestDocumentCommand(form), cancellationToken);
        if (outcome.Succeeded)
        {
            return RedirectToAction(nameof(Show), new { id = outcome.Value });
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("New", await _mediator.Send(new GetDocumentFormQuery(form), cancellationToken));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetDocumentQuery(id), cancellationToken));

    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id, [FromForm] string? commentary, [FromForm] List<SiteNote>? siteNotes, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new ApproveDocumentCommand(id, commentary, siteNotes), cancellationToken);
        ViewData["Commentary"] = commentary;
        ViewData["SiteNotes"] = siteNotes;
        return await AfterReviewAsync(id, outcome, "Approved and published: its readers now see this copy, with your commentary.", cancellationToken);
    }

    [HttpPost("{id:guid}/redraft")]
    public async Task<IActionResult> Redraft(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new AskForNewDraftCommand(id), cancellationToken);
        return outcome.Succeeded
            ? RedirectToAction(nameof(Show), new { id = outcome.Value })
            : await AfterReviewAsync(id, outcome, "", cancellationToken);
    }

    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, [FromForm] string? reason, CancellationToken cancellationToken) =>
        await AfterReviewAsync(id, await _mediator.Send(new WithdrawDocumentCommand(id, reason), cancellationToken), "Withdrawn: its readers see that it was, and your reason.", cancellationToken);

    [HttpGet("{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        var file = await _mediator.Send(new DownloadDocumentQuery(id), cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("{id:guid}/pdf")]
    public async Task<IActionResult> DownloadPdf(Guid id, CancellationToken cancellationToken)
    {
        var file = await _mediator.Send(new DownloadDocumentQuery(id, AsPdf: true), cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> AfterReviewAsync(Guid id, Outcome outcome, string notice, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(Show), new { id });
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Show), await _mediator.Send(new GetDocumentQuery(id), cancellationToken));
    }

    [HttpGet("schedules")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> Schedules(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetSchedulesQuery(), cancellationToken));

    [HttpPost("approver")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> NameApprover(string? approver, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new NameDocumentApproverCommand(approver), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = string.IsNullOrWhiteSpace(approver)
                ? "Only the nominated individual approves your outward documents now."
                : "The approver is named: they and the nominated individual approve your outward documents.";
            return RedirectToAction(nameof(Schedules));
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Schedules", await _mediator.Send(new GetSchedulesQuery(), cancellationToken));
    }

    [HttpPost("schedules")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> SaveSchedules(IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var typed = DocumentKinds.Scheduled.ToDictionary(kind => kind, kind => new ScheduleForm(
            form[$"{kind}.Timing"].ToString(),
            form[$"{kind}.DayOfMonth"].ToString(),
            form[$"{kind}.WorkingDay"].ToString(),
            form[$"{kind}.At"].ToString(),
            form[$"{kind}.Cron"].ToString(),
            form[$"{kind}.Enabled"].Contains("true")));
        var outcome = await _mediator.Send(new SaveSchedulesCommand(typed), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "The schedules are saved; the next runs below follow them.";
            return RedirectToAction(nameof(Schedules));
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Schedules", await _mediator.Send(new GetSchedulesQuery(typed), cancellationToken));
    }
}
