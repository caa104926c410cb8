using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

/// <summary>Actions kept in the portal between packs: add, change, and close with evidence.</summary>
[Route("sites/{siteCode}/records/actions")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class ActionsController : Controller
{
    private readonly IMediator _mediator;

    public ActionsController(IMediator mediator) => _mediator = mediator;

    [HttpGet("new")]
    public async Task<IActionResult> New(string siteCode, CancellationToken cancellationToken)
    {
        await _mediator.Send(new Sites.EnsureSiteReadableQuery(siteCode), cancellationToken);
        return View("ActionForm", new ActionFormVm());
    }

    [HttpPost("new")]
    public Task<IActionResult> New(string siteCode, ActionFormVm form, CancellationToken cancellationToken)
    {
        form.IsNew = true;
        return SaveAsync(siteCode, form, cancellationToken);
    }

    [HttpGet("{actionRef}/edit")]
    public async Task<IActionResult> Edit(string siteCode, string actionRef, CancellationToken cancellationToken) =>
        View("ActionForm", await _mediator.Send(new GetActionFormQuery(siteCode, actionRef), cancellationToken));

    [HttpPost("{actionRef}/edit")]
    public async Task<IActionResult> Edit(string siteCode, string actionRef, ActionFormVm form, CancellationToken cancellationToken)
    {
        await _mediator.Send(new GetActionFormQuery(siteCode, actionRef), cancellationToken);
        form.ActionRef = actionRef;
        form.IsNew = false;
        return await SaveAsync(siteCode, form, cancellationToken);
    }

    [HttpGet("{actionRef}/close")]
    public async Task<IActionResult> Close(string siteCode, string actionRef, CancellationToken cancellationToken)
    {
        var action = await _mediator.Send(new GetActionFormQuery(siteCode, actionRef), cancellationToken);
        return View("CloseAction", new CloseActionVm { ActionRef = action.ActionRef, Title = action.Title });
    }

    [HttpPost("{actionRef}/close")]
    public async Task<IActionResult> Close(string siteCode, string actionRef, CloseActionVm form, CancellationToken cancellationToken)
    {
        var action = await _mediator.Send(new GetActionFormQuery(siteCode, actionRef), cancellationToken);
        form.ActionRef = action.ActionRef;
        form.Title = action.Title;
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(new CloseActionCommand(siteCode, actionRef, form), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"Action {actionRef} is closed.";
                return Redirect($"/sites/{siteCode}/records/actions/{Uri.EscapeDataString(actionRef)}");
            }

            ModelState.AddProblems(outcome);
        }

        return View("CloseAction", form);
    }

    private async Task<IActionResult> SaveAsync(string siteCode, ActionFormVm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(new SaveActionCommand(siteCode, form), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"Action {form.ActionRef.Trim()} is saved.";
                return Redirect($"/sites/{siteCode}/records/actions/{Uri.EscapeDataString(form.ActionRef.Trim())}");
            }

            ModelState.AddProblems(outcome);
        }

        return View("ActionForm", form);
    }
}
