using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Account;

[Route("account")]
public sealed class AccountController : Controller
{
    private readonly IMediator _mediator;

    public AccountController(IMediator mediator) => _mediator = mediator;

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimit.Policy)]
    public async Task<IActionResult> Login(LoginViewModel form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await _mediator.Send(new SignInCommand(form.Email, form.Password), cancellationToken);
        switch (result)
        {
            case SignInResult.SignedIn:
                return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : Redirect("/");
            case SignInResult.MustChangePassword:
                return RedirectToAction(nameof(ChangePassword));
            case SignInResult.LockedOut:
                ModelState.AddModelError("", "This account is locked for 15 minutes after 5 wrong passwords. Try again later, or ask your provider admin.");
                return View(form);
            default:
                ModelState.AddModelError("", "The email address or password is not right.");
                return View(form);
        }
    }

    [HttpPost("logout")]
    [AllowWithOneTimePassword]
    public async Task<IActionResult> Logout([FromServices] SignInManager<Infrastructure.Identity.VeriviusUser> signIn)
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("change-password")]
    [AllowWithOneTimePassword]
    public async Task<IActionResult> ChangePassword(CancellationToken cancellationToken) =>
        View(new ChangePasswordViewModel { IsOneTimePassword = await _mediator.Send(new OnOneTimePasswordQuery(), cancellationToken) });

    [HttpPost("change-password")]
    [AllowWithOneTimePassword]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(new ChangePasswordCommand(form.CurrentPassword, form.NewPassword, form.ConfirmPassword), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "Your password is changed.";
                return Redirect("/");
            }

            ModelState.AddProblems(outcome);
        }

        return View(form);
    }
}
