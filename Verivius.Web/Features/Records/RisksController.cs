using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

/// <summary>The recovery map kept in the portal between packs: add a risk or change one.</summary>
[Route("sites/{siteCode}/records/recovery")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class RisksController : Controller
{
    private readonly IMediator _mediator;

    public RisksController(IMediator mediator) => _mediator = mediator;

    [HttpGet("new")]
    public IActionResult New() => View("RiskForm", new RiskFormVm());

    [HttpPost("new")]
    public Task<IActionResult> New(string siteCode, RiskFormVm form, CancellationToken cancellationToken)
    {
        form.IsNew = true;
        return SaveAsync(siteCode, form, cancellationToken);
    }

    [HttpGet("{riskRef}/edit")]
    public async Task<IActionResult> Edit(string siteCode, string riskRef, CancellationToken cancellationToken) =>
        View("RiskForm", await _mediator.Send(new GetRiskFormQuery(siteCode, riskRef), cancellationToken));

    [HttpPost("{riskRef}/edit")]
    public async Task<IActionResult> Edit(string siteCode, string riskRef, RiskFormVm form, CancellationToken cancellationToken)
    {
        await _mediator.Send(new GetRiskFormQuery(siteCode, riskRef), cancellationToken);
        form.RiskRef = riskRef;
        form.IsNew = false;
        return await SaveAsync(siteCode, form, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string siteCode, RiskFormVm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(new SaveRiskCommand(siteCode, form), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"Risk {form.RiskRef.Trim()} is saved.";
                return Redirect($"/sites/{siteCode}/records/recovery/{Uri.EscapeDataString(form.RiskRef.Trim())}");
            }

            ModelState.AddProblems(outcome);
        }

        return View("RiskForm", form);
    }
}
