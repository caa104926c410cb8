using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Admin.Users;

[Route("admin/users")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class UsersController : Controller
{
    private readonly IMediator _mediator;

    public UsersController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListUsersQuery(request), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetUserFormQuery(null), cancellationToken));

    [HttpPost("new")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> New(UserFormVm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(
                new CreateUserCommand(form.Email, form.DisplayName, form.Roles, form.Sites, Organisation: form.Organisation),
                cancellationToken);
            if (outcome.Succeeded)
            {
                return View("Password", outcome.Value);
            }

            ModelState.AddProblems(outcome);
        }

        return View(await Refilled(form, cancellationToken));
    }

    [HttpGet("{userId}")]
    public async Task<IActionResult> Edit(string userId, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetUserFormQuery(userId), cancellationToken));

    [HttpPost("{userId}")]
    public async Task<IActionResult> Edit(string userId, UserFormVm form, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new UpdateUserCommand(userId, form.DisplayName, form.Roles, form.Sites), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"{form.Email} is updated.";
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddProblems(outcome);
        form.Id = userId;
        return View(await Refilled(form, cancellationToken));
    }

    [HttpGet("{userId}/disable")]
    public async Task<IActionResult> ConfirmDisable(string userId, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetUserFormQuery(userId), cancellationToken));

    [HttpPost("{userId}/disable")]
    public Task<IActionResult> Disable(string userId, CancellationToken cancellationToken) =>
        SetDisabled(userId, disabled: true, cancellationToken);

    [HttpPost("{userId}/enable")]
    public Task<IActionResult> Enable(string userId, CancellationToken cancellationToken) =>
        SetDisabled(userId, disabled: false, cancellationToken);

    [HttpPost("{userId}/password")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> IssuePassword(string userId, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new IssueOneTimePasswordCommand(userId), cancellationToken);
        if (outcome.Succeeded)
        {
            return View("Password", outcome.Value);
        }

        TempData["Notice"] = string.Join(" ", outcome.Problems.Select(p => p.Message));
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SetDisabled(string userId, bool disabled, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new SetUserDisabledCommand(userId, disabled), cancellationToken);
        TempData["Notice"] = outcome.Succeeded
            ? (disabled ? "The account is disabled; its open sessions end within a minute." : "The account is enabled again.")
            : string.Join(" ", outcome.Problems.Select(p => p.Message));
        return RedirectToAction(nameof(Index));
    }

    private async Task<UserFormVm> Refilled(UserFormVm form, CancellationToken cancellationToken)
    {
        var blank = await _mediator.Send(new GetUserFormQuery(null), cancellationToken);
        form.SiteChoices = blank.SiteChoices;
        form.InvitedByMail = blank.InvitedByMail;
        return form;
    }
}
