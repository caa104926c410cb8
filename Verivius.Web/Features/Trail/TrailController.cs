using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Trail;

/// <summary>The trail audit of a site's month (picked or at random), its CSV and Word report, and the provider-wide audit for the NI.</summary>
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class TrailController : Controller
{
    private readonly IMediator _mediator;

    public TrailController(IMediator mediator) => _mediator = mediator;

    [HttpGet("sites/{siteCode}/trail-audit")]
    public async Task<IActionResult> Site(string siteCode, [FromQuery, Month] string? month, [FromQuery] int? seed, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetSiteTrailAuditQuery(siteCode, month, seed), cancellationToken));

    /// <summary>A fresh seed each time; the page it leads to names the seed, so the month can be had again.</summary>
    [HttpGet("sites/{siteCode}/trail-audit/random")]
    public IActionResult Random(string siteCode) =>
        RedirectToAction(nameof(Site), new { siteCode, seed = System.Random.Shared.Next(1, 1_000_000) });

    [HttpGet("sites/{siteCode}/trail-audit.csv")]
    public async Task<IActionResult> Export(string siteCode, [FromQuery, Month] string? month, CancellationToken cancellationToken)
    {
        var csv = await _mediator.Send(new ExportTrailAuditQuery(siteCode, month), cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv.Content), "text/csv; charset=utf-8", csv.FileName);
    }

    [HttpPost("sites/{siteCode}/trail-audit/report")]
    public async Task<IActionResult> Report(string siteCode, [FromForm, Month] string? month, CancellationToken cancellationToken) =>
        RedirectToAction("Show", "Documents", new { id = await _mediator.Send(new RequestTrailAuditReportCommand(siteCode, month), cancellationToken) });

    [HttpGet("trail-audit")]
    public async Task<IActionResult> Provider([FromQuery, Month] string? month, [FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetProviderTrailAuditQuery(month, request), cancellationToken));
}
