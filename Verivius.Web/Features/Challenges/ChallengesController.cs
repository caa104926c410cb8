using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Files;
using Verivius.Web.Common;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Challenges;

/// <summary>
/// The challenge registers (per site and across the provider), one challenge and its lifecycle, the
/// CSV export and running the engine on demand. Not for commissioners.
/// </summary>
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class ChallengesController : Controller
{
    private readonly IMediator _mediator;

    public ChallengesController(IMediator mediator) => _mediator = mediator;

    [HttpGet("challenges")]
    public async Task<IActionResult> Index([FromQuery] ChallengeFilter filter, [FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListChallengesQuery(null, filter, request), cancellationToken));

    [HttpGet("challenges/rules")]
    public async Task<IActionResult> Rules(CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetChallengeRulesQuery(), cancellationToken));

    [HttpGet("sites/{siteCode}/challenges")]
    public async Task<IActionResult> Site(string siteCode, [FromQuery] ChallengeFilter filter, [FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View("Index", await _mediator.Send(new ListChallengesQuery(siteCode, filter with { Site = null }, request), cancellationToken));

    /// <summary>Columns <c>Code,SiteCode,Severity,Status,Subject,Finding,RaisedOn,UpdatedOn,OpenSince</c>; every status unless one is asked for.</summary>
    [HttpGet("challenges/export.csv")]
    public async Task<IResult> Export([FromQuery] string? site, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        if (!ChallengeFilter.IsKnownStatus(status))
        {
            return Results.Text($"\"{status}\" is not a status; use one of {ChallengeFilter.KnownStatuses}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        // The rows are written out as they are read: a provider's whole register need not be held first.
        var rows = await _mediator.Send(new ExportChallengesQuery(site, status), cancellationToken);
        return Results.Stream(body => CsvWriter.WriteAsync(body, ChallengeCsv.Columns, rows, cancellationToken), "text/csv; charset=utf-8", "challenges.csv");
    }

    [HttpPost("challenges/run")]
    [Authorize(Roles = $"{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
    public async Task<IActionResult> RunAll(CancellationToken cancellationToken)
    {
        TempData["Notice"] = (await _mediator.Send(new RunChallengesCommand(null), cancellationToken)).ToString();
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sites/{siteCode}/challenges/run")]
    public async Task<IActionResult> RunSite(string siteCode, CancellationToken cancellationToken)
    {
        TempData["Notice"] = (await _mediator.Send(new RunChallengesCommand(siteCode), cancellationToken)).ToString();
        return RedirectToAction(nameof(Site), new { siteCode });
    }

    [HttpGet("sites/{siteCode}/challenges/{challengeId:guid}")]
    public async Task<IActionResult> Show(string siteCode, Guid challengeId, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetChallengeQuery(siteCode, challengeId), cancellationToken));

    [HttpPost("sites/{siteCode}/challenges/{challengeId:guid}/respond")]
    public async Task<IActionResult> Respond(string siteCode, Guid challengeId, string? answer, string? evidenceRefs, CancellationToken cancellationToken) =>
        await AfterAsync(siteCode, challengeId, await _mediator.Send(new RespondToChallengesCommand(siteCode, [challengeId], answer, evidenceRefs), cancellationToken), "Your answer is recorded.", cancellationToken);

    /// <summary>
    /// One answer for the challenges ticked in the site's register. It posts to the register's own
    /// address, so a refusal shows the same filtered page with everything typed and ticked.
    /// </summary>
    [HttpPost("sites/{siteCode}/challenges")]
    public async Task<IActionResult> RespondToSeveral(string siteCode, Guid[]? challengeIds, string? answer, string? evidenceRefs, [FromQuery] ChallengeFilter filter, [FromQuery] ListRequest request, CancellationToken cancellationToken)
    {
        var outcome = await _mediator.Send(new RespondToChallengesCommand(siteCode, challengeIds ?? [], answer, evidenceRefs), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = outcome.Value == 1 ? "Your answer is recorded on 1 challenge." : $"Your answer is recorded on {outcome.Value} challenges.";
            return LocalRedirect(Request.Path + Request.QueryString);
        }

        ModelState.AddProblems(outcome);
        return await Site(siteCode, filter, request, cancellationToken);
    }

    [HttpPost("sites/{siteCode}/challenges/{challengeId:guid}/{decision:regex(^(accept|escalate|close)$)}")]
    [Authorize(Roles = Roles.NominatedIndividual)]
    public async Task<IActionResult> Decide(string siteCode, Guid challengeId, string decision, string? note, CancellationToken cancellationToken)
    {
        var choice = Enum.Parse<ChallengeDecision>(decision, ignoreCase: true);
        var outcome = await _mediator.Send(new DecideChallengeCommand(siteCode, challengeId, choice, note), cancellationToken);
        return await AfterAsync(siteCode, challengeId, outcome, "Your decision is recorded and minuted for the next oversight meeting.", cancellationToken);
    }

    [HttpGet("sites/{siteCode}/challenges/new")]
    [Authorize(Roles = Roles.NominatedIndividual)]
    public IActionResult New(string siteCode, [FromQuery] string subject) => View(new RaiseChallengeVm { SiteCode = siteCode, Subject = subject });

    [HttpPost("sites/{siteCode}/challenges/new")]
    [Authorize(Roles = Roles.NominatedIndividual)]
    public async Task<IActionResult> New(string siteCode, RaiseChallengeVm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.SiteCode = siteCode;
        var outcome = await _mediator.Send(new RaiseChallengeCommand(siteCode, form.Subject, form.Severity, form.Finding, form.Resolution), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "The challenge is raised and minuted for the next oversight meeting.";
            return RedirectToAction(nameof(Show), new { siteCode, challengeId = outcome.Value });
        }

        ModelState.AddProblems(outcome);
        return View(form);
    }

    private async Task<IActionResult> AfterAsync(string siteCode, Guid challengeId, Outcome outcome, string notice, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToAction(nameof(Show), new { siteCode, challengeId });
        }

        ModelState.AddProblems(outcome);
        return View("Show", await _mediator.Send(new GetChallengeQuery(siteCode, challengeId), cancellationToken));
    }
}

/// <summary>The form for raising a challenge by hand on one record.</summary>
public sealed class RaiseChallengeVm
{
    public string SiteCode { get; set; } = "";

    /// <summary>The record, as <c>Kind:Ref</c>.</summary>
    public string Subject { get; set; } = "";

    public string? Severity { get; set; } = "Medium";

    public string? Finding { get; set; }

    public string? Resolution { get; set; }
}
