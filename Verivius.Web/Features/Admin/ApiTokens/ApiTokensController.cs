using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Admin.ApiTokens;

/// <summary>The provider admin's API tokens: issued for named sites and permissions, listed with their last use, revoked.</summary>
[Route("admin/api-tokens")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class ApiTokensController : Controller
{
    private readonly IMediator _mediator;

    public ApiTokensController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListApiTokensQuery(), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetApiTokenFormQuery(null), cancellationToken));

    /// <summary>Issues the token and shows its secret on this answer alone: it is never stored, so never shown again.</summary>
    [HttpPost("new")]
    public async Task<IActionResult> New(ApiTokenForm form, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new IssueApiTokenCommand(form), cancellationToken);
        if (outcome.Value is { } issued)
        {
            return View("Issued", issued);
        }

        ModelState.AddProblems(outcome);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await _mediator.Send(new GetApiTokenFormQuery(form), cancellationToken));
    }

    [HttpGet("{tokenId:guid}/revoke")]
    public async Task<IActionResult> ConfirmRevoke(Guid tokenId, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetApiTokenQuery(tokenId), cancellationToken));

    [HttpPost("{tokenId:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid tokenId, CancellationToken cancellationToken)
    {
        var revoked = await _mediator.Send(new RevokeApiTokenCommand(tokenId), cancellationToken);
        TempData["Notice"] = $"The token \"{revoked.Name}\" is revoked: calls made with it are refused from now on.";
        return RedirectToAction(nameof(Index));
    }
}
