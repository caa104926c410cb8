using System.Security.Claims;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Files;

namespace Verivius.Web.Features.Packs;

/// <summary>
/// A site's monthly packs. Commissioners never reach them: a workbook carries staff references.
/// </summary>
[Route("sites/{siteCode}/packs")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class PacksController : Controller
{
    private readonly IMediator _mediator;
    private readonly HeldUploads _held;

    public PacksController(IMediator mediator, HeldUploads held)
    {
        _mediator = mediator;
        _held = held;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string siteCode, CancellationToken cancellationToken) =>
        View(new PacksPageVm(await _mediator.Send(new ListPackVersionsQuery(siteCode), cancellationToken), null));

    [HttpPost("")]
    public async Task<IActionResult> Upload(string siteCode, IFormFile? workbook, List<IFormFile> attachments, CancellationToken cancellationToken)
    {
        if (workbook is null || workbook.Length == 0)
        {
            ModelState.AddModelError("workbook", workbook is null ? "Choose the month's pack workbook (.xlsx) to upload." : $"{workbook.FileName} is empty: it has no content at all. Choose the month's pack workbook (.xlsx).");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new PacksPageVm(await _mediator.Send(new ListPackVersionsQuery(siteCode), cancellationToken), null));
        }

        var files = await PackFile.ReadAllAsync(attachments, cancellationToken);

        var upload = new ImportPackCommand(siteCode, await PackFile.ReadAsync(workbook, cancellationToken), files, Mode: PackImportMode.PreviewNewVersion, CheckInBackground: true);
        var result = await _mediator.Send(upload, cancellationToken);
        if (result.Status == PackImportStatus.Previewed)
        {
            var token = await _held.HoldAsync(HeldFor(siteCode), [.. new[] { upload.Workbook }.Concat(files).Select(f => new HeldFile(f.FileName, f.Content))], cancellationToken);
            return await PreviewAsync(siteCode, result, token, cancellationToken);
        }

        return await ReportAsync(siteCode, result, cancellationToken);
    }

    /// <summary>Imports the upload whose preview the person read, unless another version arrived since: then they see the new preview.</summary>
    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm(string siteCode, [FromForm] string? token, [FromForm] int confirmsVersion, CancellationToken cancellationToken)
    {
        if (token is null || await _held.ReadAsync(token, HeldFor(siteCode), cancellationToken) is not { Count: > 0 } held)
        {
            TempData["Notice"] = $"Nothing was imported: that upload is no longer waiting (an upload waits {HeldUploads.HeldFor.TotalHours:0} hours for its preview to be confirmed). Upload the workbook again.";
            return RedirectToAction(nameof(Index), new { siteCode });
        }

        var result = await _mediator.Send(
            new ImportPackCommand(siteCode, PackFileOf(held[0]), [.. held.Skip(1).Select(PackFileOf)], ConfirmsVersion: confirmsVersion, CheckInBackground: true), cancellationToken);
        if (result.Status == PackImportStatus.Previewed)
        {
            return await PreviewAsync(siteCode, result, token, cancellationToken);
        }

        _held.LetGo(token);
        return await ReportAsync(siteCode, result, cancellationToken);
    }

    [HttpPost("cancel")]
    public IActionResult Cancel(string siteCode, [FromForm] string? token, [FromForm] string? month, [FromForm] int confirmsVersion)
    {
        if (token is not null)
        {
            _held.LetGo(token);
        }

        TempData["Notice"] = $"Nothing was imported: version {confirmsVersion} stays the {month} pack.";
        return RedirectToAction(nameof(Index), new { siteCode });
    }

    /// <summary>The problem list of a refused upload as a text file, to fix the workbook against.</summary>
    /// <remarks>The site-route filter has already checked the site is in scope; the file is only what was posted.</remarks>
    [HttpPost("problems")]
    public IActionResult Problems(string siteCode, [FromForm] string? problems) =>
        File(Encoding.UTF8.GetBytes(problems ?? ""), "text/plain; charset=utf-8", $"pack-problems-{siteCode}.txt");

    [HttpGet("template")]
    public async Task<IActionResult> Template(string siteCode, [FromQuery] string? month, CancellationToken cancellationToken)
    {
        var template = await _mediator.Send(new DownloadPackTemplateQuery(siteCode, month), cancellationToken);
        return File(template.Content, FileSignatures.Xlsx, template.FileName);
    }

    [HttpGet("{period}/v{number:int}")]
    public async Task<IActionResult> Download(string siteCode, string period, int number, CancellationToken cancellationToken)
    {
        var download = await _mediator.Send(new DownloadPackVersionQuery(siteCode, period, number), cancellationToken);
        return File(download.Content, FileSignatures.Xlsx, download.FileName);
    }

    private async Task<ViewResult> PreviewAsync(string siteCode, PackImportResult result, string token, CancellationToken cancellationToken)
    {
        var packs = await _mediator.Send(new ListPackVersionsQuery(siteCode), cancellationToken);
        var month = PackPeriod.TryParse(result.Period, out var period) ? period.FirstDay.ToBritishMonth() : result.Period!;
        return View("Preview", new PackPreviewPageVm(packs.SiteCode, packs.SiteName, month, result, result.Preview!, token));
    }

    /// <summary>A refused upload is shown with its problems on the packs page; an imported or unchanged one is told in a notice there.</summary>
    private async Task<IActionResult> ReportAsync(string siteCode, PackImportResult result, CancellationToken cancellationToken)
    {
        if (result.Status is PackImportStatus.Refused or PackImportStatus.Conflict)
        {
            Response.StatusCode = result.Status == PackImportStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return View("Index", new PacksPageVm(await _mediator.Send(new ListPackVersionsQuery(siteCode), cancellationToken), result));
        }

        TempData["Notice"] = result.Status == PackImportStatus.Unchanged
            ? $"Nothing was stored: every row of this workbook matches what version {result.Version} of the {result.Period} pack holds."
            : $"Imported the {result.Period} pack as version {result.Version}: {result.RowCounts.Values.Sum()} rows."
              + (result.Warnings.Count > 0 ? $" {result.Warnings.Count} warning(s): " + string.Join(" ", result.Warnings) : "")
              + " The challenge engine is checking the site now; this page says what it found when it has.";
        return RedirectToAction(nameof(Index), new { siteCode });
    }

    /// <summary>An upload is held for the person who sent it, to the site they sent it to.</summary>
    private string HeldFor(string siteCode) => $"{User.FindFirstValue(ClaimTypes.NameIdentifier)}:{siteCode.Trim().ToUpperInvariant()}";

    private static PackFile PackFileOf(HeldFile file) => new(file.FileName, file.Content);
}

public sealed record PacksPageVm(SitePacksVm Packs, PackImportResult? Refused);

/// <param name="Token">Names the held upload that confirming imports.</param>
/// <param name="Month">The pack's month in words: "November 2026".</param>
public sealed record PackPreviewPageVm(string SiteCode, string SiteName, string Month, PackImportResult Result, PackPreview Preview, string Token);
