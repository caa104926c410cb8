using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Mail;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Account;

/// <summary>A person's choice of what they get by e-mail, and the signed link in a message that turns one kind off.</summary>
public sealed class MailChoicesController : Controller
{
    private readonly IMediator _mediator;

    public MailChoicesController(IMediator mediator) => _mediator = mediator;

    [HttpGet("account/mail")]
    public async Task<IActionResult> Preferences(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetMailPreferencesQuery(), cancellationToken));

    [HttpPost("account/mail")]
    public async Task<IActionResult> Preferences(
        [FromForm] List<string> wanted, [FromForm] DigestFrequency challengesDigest, [FromForm] DigestFrequency highChallengesDigest, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new SaveMailPreferencesCommand(wanted, challengesDigest, highChallengesDigest), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "Your e-mail choices are saved.";
            return RedirectToAction(nameof(Preferences));
        }

        ModelState.AddProblems(outcome);
        return View(await _mediator.Send(new GetMailPreferencesQuery(), cancellationToken));
    }

    /// <summary>The link in a message: says what it turns off and asks for one click, since mail scanners open links on their own.</summary>
    [HttpGet("mail/unsubscribe")]
    [AllowAnonymous]
    public async Task<IActionResult> Unsubscribe(string? t, CancellationToken cancellationToken) =>
        await _mediator.Send(new ReadUnsubscribeLinkQuery(t), cancellationToken) is { } link ? View(link) : NotUnderstood();

    /// <summary>
    /// The click, from the page or straight from a mail client (RFC 8058 one-click, which carries no
    /// antiforgery token): the signed link is what proves it may.
    /// </summary>
    [HttpPost("mail/unsubscribe")]
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeConfirmed([FromQuery] string? t, CancellationToken cancellationToken) =>
        await _mediator.Send(new UnsubscribeCommand(t), cancellationToken) is { } done ? View("Unsubscribe", done) : NotUnderstood();

    private static IActionResult NotUnderstood() =>
        throw new NotFoundException("This unsubscribe link is not one Verivius made, or it was cut short. Sign in and choose what you get on your e-mail page.");
}
