using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;
using Verivius.Web.Features.Sites;

namespace Verivius.Web.Features.Admin.Sites;

[Route("admin/sites")]
[Authorize(Roles = Roles.ProviderAdmin)]
public sealed class AdminSitesController : Controller
{
    /// <summary>A sites CSV is small text; anything bigger is not a sites list.</summary>
    public const int MaxCsvBytes = 1024 * 1024;

    private readonly IMediator _mediator;

    public AdminSitesController(IMediator mediator) => _mediator = mediator;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListSitesQuery(request), cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View("Form", new SiteFormVm());

    [HttpPost("new")]
    public Task<IActionResult> New(SiteFormVm form, CancellationToken cancellationToken)
    {
        form.IsNew = true;
        return Save(form, $"Site {form.Code} is added.", cancellationToken);
    }

    [HttpGet("{siteCode}/edit")]
    public async Task<IActionResult> Edit(string siteCode, CancellationToken cancellationToken) =>
        View("Form", await _mediator.Send(new GetSiteFormQuery(siteCode), cancellationToken));

    [HttpPost("{siteCode}/edit")]
    public async Task<IActionResult> Edit(string siteCode, SiteFormVm form, CancellationToken cancellationToken)
    {
        // The site must be the admin's before the form is even checked: a stranger's gets 404, not errors.
        await _mediator.Send(new GetSiteFormQuery(siteCode), cancellationToken);
        form.Code = siteCode;
        form.IsNew = false;
        return await Save(form, $"Site {siteCode} is updated.", cancellationToken);
    }

    [HttpGet("{siteCode}/deactivate")]
    public async Task<IActionResult> ConfirmDeactivate(string siteCode, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetSiteFormQuery(siteCode), cancellationToken));

    [HttpPost("{siteCode}/deactivate")]
    public Task<IActionResult> Deactivate(string siteCode, CancellationToken cancellationToken) =>
        SetActive(siteCode, active: false, cancellationToken);

    [HttpPost("{siteCode}/reactivate")]
    public Task<IActionResult> Reactivate(string siteCode, CancellationToken cancellationToken) =>
        SetActive(siteCode, active: true, cancellationToken);

    [HttpGet("import")]
    public IActionResult Import() => View();

    [HttpPost("import")]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await CsvOfAsync(file, "sites", cancellationToken) is not { } csv)
        {
            return View();
        }

        var outcome = await _mediator.Send(new ImportSitesCommand(csv), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddProblems(outcome);
            return View();
        }

        TempData["Notice"] = $"Imported the file: {outcome.Value!.Added} site(s) added, {outcome.Value.Updated} updated.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("ratings")]
    public IActionResult ImportRatings() => View();

    [HttpPost("ratings")]
    public async Task<IActionResult> ImportRatings(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await CsvOfAsync(file, "CQC ratings", cancellationToken) is not { } csv)
        {
            return View();
        }

        var outcome = await _mediator.Send(new ImportCqcRatingsCommand(csv), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddProblems(outcome);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View();
        }

        TempData["Notice"] = $"Recorded CQC's ratings of {outcome.Value} site(s).";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The uploaded CSV as text, or null with the reason on the form: none chosen, or too large to be a list of sites.</summary>
    private async Task<string?> CsvOfAsync(IFormFile? file, string contents, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", $"Choose a CSV file of {contents} to import.");
            return null;
        }

        if (file.Length > MaxCsvBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than 1 MB; a list of {contents} is much smaller. Check it is the right file.");
            return null;
        }

        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private async Task<IActionResult> Save(SiteFormVm form, string notice, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await _mediator.Send(
                new SaveSiteCommand(form.IsNew, form.Code, form.Name, form.ServiceType, form.RegisteredManager, form.CqcRating, form.CqcRatingPublishedOn, form.ReportingFrom, form.CqcWellLedRating, form.CqcReportUrl), cancellationToken);
            if (outcome.Succeeded)
            {
                TempData["Notice"] = notice;
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddProblems(outcome);
        }

        return View("Form", form);
    }

    private async Task<IActionResult> SetActive(string siteCode, bool active, CancellationToken cancellationToken)
    {
        await _mediator.Send(new SetSiteActiveCommand(siteCode, active), cancellationToken);
        TempData["Notice"] = active ? $"Site {siteCode} is active again." : $"Site {siteCode} is deactivated; its records are kept.";
        return RedirectToAction(nameof(Index));
    }
}
