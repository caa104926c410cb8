using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
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

    public PacksController(IMediator mediator) => _mediator = mediator;

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

        var files = new List<PackFile>();
        foreach (var attachment in attachments.Where(a => a.Length > 0))
        {
            files.Add(await ReadAsync(attachment, cancellationToken));
        }

        var result = await _mediator.Send(new ImportPackCommand(siteCode, await ReadAsync(workbook, cancellationToken), files), cancellationToken);
        if (result.Status is PackImportStatus.Refused or PackImportStatus.Conflict)
        {
            Response.StatusCode = result.Status == PackImportStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return View("Index", new PacksPageVm(await _mediator.Send(new ListPackVersionsQuery(siteCode), cancellationToken), result));
        }

        TempData["Notice"] = result.Status == PackImportStatus.Unchanged
            ? $"This workbook is the same as version {result.Version} of the {result.Period} pack; nothing changed."
            : $"Imported the {result.Period} pack as version {result.Version}: {result.RowCounts.Values.Sum()} rows."
              + (result.Warnings.Count > 0 ? $" {result.Warnings.Count} warning(s): " + string.Join(" ", result.Warnings) : "")
              + (result.Challenges is { } challenges ? $" Challenge engine: {challenges}" : "");
        return RedirectToAction(nameof(Index), new { siteCode });
    }

    /// <summary>The problem list of a refused upload as a text file, to fix the workbook against.</summary>
    /// <remarks>The site-route filter has already checked the site is in scope; the file is only what was posted.</remarks>
    [HttpPost("problems")]
    public IActionResult Problems(string siteCode, [FromForm] string? problems) =>
        File(Encoding.UTF8.GetBytes(problems ?? ""), "text/plain; charset=utf-8", $"pack-problems-{siteCode}.txt");

    [HttpGet("template")]
    public async Task<IActionResult> Template(string siteCode, CancellationToken cancellationToken)
    {
        var template = await _mediator.Send(new DownloadPackTemplateQuery(siteCode), cancellationToken);
        return File(template.Content, FileSignatures.Xlsx, template.FileName);
    }

    [HttpGet("{period}/v{number:int}")]
    public async Task<IActionResult> Download(string siteCode, string period, int number, CancellationToken cancellationToken)
    {
        var download = await _mediator.Send(new DownloadPackVersionQuery(siteCode, period, number), cancellationToken);
        return File(download.Content, FileSignatures.Xlsx, download.FileName);
    }

    private static async Task<PackFile> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new PackFile(Path.GetFileName(file.FileName), buffer.ToArray());
    }
}

public sealed record PacksPageVm(SitePacksVm Packs, PackImportResult? Refused);
