using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Readiness;

/// <summary>A site's Well-led readiness, and the provider admin's choice of which records evidence each quality statement.</summary>
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
}
