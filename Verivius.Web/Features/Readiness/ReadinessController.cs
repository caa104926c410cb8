using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Readiness;

/// <summary>A site's readiness, the provider admin's choice of framework version and of which records evidence each item, and what a switch of version changes.</summary>
public sealed class ReadinessController : Controller
{
    private readonly IMediator _mediator;

    public ReadinessController(IMediator mediator) => _mediator = mediator;

    [HttpGet("sites/{siteCode}/readiness")]
    [Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
    public async Task<IActionResult> Site(string siteCode, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetReadinessQuery(siteCode), cancellationToken));

    [HttpGet("admin/readiness")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> Mapping(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetReadinessMappingQuery(), cancellationToken));

    [HttpPost("admin/readiness")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> SaveMapping(IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var kinds = form.Keys.Where(k => k.StartsWith("kinds.", StringComparison.Ordinal))
            .ToDictionary(k => k["kinds.".Length..], k => (IReadOnlyList<string>)[.. form[k].OfType<string>()]);
        var outcome = await _mediator.Send(new SaveReadinessMappingCommand(kinds), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "The evidence mapping is saved; readiness pages use it from now on.";
            return RedirectToAction(nameof(Mapping));
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Mapping", await _mediator.Send(new GetReadinessMappingQuery(), cancellationToken));
    }

    [HttpGet("admin/framework")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> Framework(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetFrameworkChoiceQuery(), cancellationToken));

    [HttpPost("admin/framework")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> ChooseFramework(string? version, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new ChooseFrameworkCommand(version), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "Your framework is saved. Readiness pages and the next documents use it now; challenges follow it from the next run of the challenge engine.";
            return RedirectToAction(nameof(Framework));
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Framework", await _mediator.Send(new GetFrameworkChoiceQuery(), cancellationToken));
    }

    [HttpGet("admin/framework/changes")]
    [Authorize(Roles = Roles.ProviderAdmin)]
    public async Task<IActionResult> Changes(string from, string to, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetFrameworkChangesQuery(from ?? "", to ?? ""), cancellationToken));
}
