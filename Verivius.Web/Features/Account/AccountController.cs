using Mediator;
using Microsoft.AspNetCore.Authorization;
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
                return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
            case SignInResult.MustChangePassword:
                return RedirectToAction(nameof(ChangePassword));
            default:
                // One message whether the email is unknown, the password wrong or the account locked,
                // so the form cannot be used to find out which emails have accounts.
                ModelState.AddModelError("", "The email address or password is not right. After 5 wrong passwords an account is locked for 15 minutes; if you have forgotten yours, ask for a link to choose a new one.");
                return View(form);
        }
    }

    [HttpGet("forgot-password")]
    [AllowAnonymous]
    public async Task<IActionResult> ForgotPassword(CancellationToken cancellationToken) =>
        View(new ForgotPasswordVm { MailIsOn = await _mediator.Send(new MailIsOnQuery(), cancellationToken) });

    [HttpPost("forgot-password")]
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimit.Policy)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordVm form, CancellationToken cancellationToken)
    {
        form.MailIsOn = await _mediator.Send(new MailIsOnQuery(), cancellationToken);
        if (ModelState.IsValid)
        {
            await _mediator.Send(new AskForPasswordLinkCommand(form.Email), cancellationToken);
            form.Asked = true;
        }

        return View(form);
    }

    [HttpGet("choose-password")]
    [AllowAnonymous]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> ChoosePassword(string user, string token, PasswordLinkKind @for, CancellationToken cancellationToken) =>
        View(new ChoosePasswordVm
        {
            UserId = user ?? "",
            Token = token ?? "",
            For = @for,
            LinkWorks = await _mediator.Send(new CheckPasswordLinkQuery(user ?? "", @for, token ?? ""), cancellationToken),
        });

    [HttpPost("choose-password")]
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimit.Policy)]
    public async Task<IActionResult> ChoosePassword(ChoosePasswordVm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(new ChoosePasswordCommand(form.UserId, form.For, form.Token, form.NewPassword, form.ConfirmPassword), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = "Your password is chosen and you are signed in.";
                return RedirectToAction("Index", "Home");
            }

            form.LinkWorks = !outcome.Problems.Any(p => p.Field.Length == 0);
            ModelState.AddProblems(outcome);
        }

        return View(form);
    }

    [HttpPost("logout")]
    [AllowWithOneTimePassword]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        var current = SignedInSessions.CurrentId(HttpContext);
        await _mediator.Send(new EndSessionsCommand(current, current), cancellationToken);
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("sessions")]
    public async Task<IActionResult> Sessions(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListSessionsQuery(SignedInSessions.CurrentId(HttpContext)), cancellationToken));

    [HttpPost("sessions/{id:guid}/end")]
    public async Task<IActionResult> EndSession(Guid id, CancellationToken cancellationToken)
    {
        var current = SignedInSessions.CurrentId(HttpContext);
        await _mediator.Send(new EndSessionsCommand(id, current), cancellationToken);
        if (id == current)
        {
            return RedirectToAction(nameof(Login));
        }

        TempData["Notice"] = "That session has ended: its browser is signed out.";
        return RedirectToAction(nameof(Sessions));
    }

    [HttpPost("sessions/end-all")]
    public async Task<IActionResult> EndAllSessions(CancellationToken cancellationToken)
    {
        await _mediator.Send(new EndSessionsCommand(null, SignedInSessions.CurrentId(HttpContext)), cancellationToken);
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
                return RedirectToAction("Index", "Home");
            }

            ModelState.AddProblems(outcome);
        }

        return View(form);
    }
}
