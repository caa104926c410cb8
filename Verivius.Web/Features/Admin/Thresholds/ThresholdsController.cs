using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Admin.Thresholds;

/// <summary>The provider admin's page for the numbers the challenge rules test against.</summary>
[Route("admin/thresholds")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class ThresholdsController : Controller
{
    private readonly IMediator _mediator;

    public ThresholdsController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetThresholdsQuery(), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = ChallengeThresholds.Settings.ToDictionary(s => s.Name, s => (string?)form[s.Name].ToString());
        var outcome = await _mediator.Send(new SaveThresholdsCommand(values), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "The thresholds are saved. They apply from the next run of the challenge engine.";
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", ThresholdForm.Of(ChallengeThresholds.Defaults, values));
    }
}
