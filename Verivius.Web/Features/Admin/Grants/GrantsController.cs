using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Admin.Grants;

[Route("admin/grants")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class GrantsController : Controller
{
    private readonly IMediator _mediator;

    public GrantsController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListGrantsQuery(request), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Grant(
        [Required(ErrorMessage = "Enter the commissioner's email address.")] string? commissionerEmail,
        [Required(ErrorMessage = "Enter the site's CQC location ID.")] string? siteCode,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(new GrantSiteCommand(commissionerEmail!, siteCode!), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = $"{commissionerEmail} can now read site {siteCode}.";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddProblems(outcome);
        }

        return View("Index", await _mediator.Send(new ListGrantsQuery(new ListRequest()), cancellationToken));
    }

    [HttpGet("{grantId:guid}/revoke")]
    public async Task<IActionResult> ConfirmRevoke(Guid grantId, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetGrantQuery(grantId), cancellationToken));

    [HttpPost("{grantId:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid grantId, CancellationToken cancellationToken)
    {
        await _mediator.Send(new RevokeGrantCommand(grantId), cancellationToken);
        TempData["Notice"] = "The commissioner's access to that site has ended.";
        return RedirectToAction(nameof(Index));
    }
}
