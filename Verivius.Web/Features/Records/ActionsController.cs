using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

/// <summary>Actions kept in the portal between packs: add, change, and close with evidence.</summary>
[Route("sites/{siteCode}/records/actions")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class ActionsController(IMediator mediator) : RecordFormController<ActionFormVm>(mediator)
{
    protected override string Slug => "actions";

    protected override string Noun => "Action";

    [HttpGet("{reference}/close")]
    public async Task<IActionResult> Close(string siteCode, string reference, CancellationToken cancellationToken)
    {
        var action = await Mediator.Send(Load(siteCode, reference), cancellationToken);
        return View("CloseAction", new CloseActionVm { ActionRef = action.ActionRef, Title = action.Title });
    }

    [HttpPost("{reference}/close")]
    public async Task<IActionResult> Close(string siteCode, string reference, CloseActionVm form, CancellationToken cancellationToken)
    {
        var action = await Mediator.Send(Load(siteCode, reference), cancellationToken);
        form.ActionRef = action.ActionRef;
        form.Title = action.Title;
        if (ModelState.IsValid)
        {
            var outcome = await Mediator.Send(new CloseActionCommand(siteCode, reference, form), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"Action {reference} is closed. {await RecheckAsync(siteCode, cancellationToken)}";
                return ToRecord(siteCode, reference);
            }

            ModelState.AddProblems(outcome);
        }

        return View("CloseAction", form);
    }

    protected override IQuery<ActionFormVm> Load(string siteCode, string reference) => new GetActionFormQuery(siteCode, reference);

    protected override ICommand<Outcome> Save(string siteCode, ActionFormVm form) => new SaveActionCommand(siteCode, form);
}
