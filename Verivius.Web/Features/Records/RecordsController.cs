using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Access;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

/// <summary>A site's records, kind by kind. Not for commissioners: records carry staff references.</summary>
[Route("sites/{siteCode}/records")]
[Authorize(Roles = $"{Roles.RegisteredManager},{Roles.NominatedIndividual},{Roles.ProviderAdmin}")]
public sealed class RecordsController : Controller
{
    private readonly IMediator _mediator;

    public RecordsController(IMediator mediator) => _mediator = mediator;

    [HttpGet("{kind}")]
    public async Task<IActionResult> Index(string siteCode, string kind, [FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new ListRecordsQuery(siteCode, kind, request), cancellationToken));

    /// <summary>The records and attachments an answer may cite, found by a few letters: the evidence picker's page without script.</summary>
    [HttpGet("find")]
    public async Task<IActionResult> Find(string siteCode, [FromQuery] string? text, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new FindEvidenceQuery(siteCode, text), cancellationToken));

    /// <summary>As <see cref="Find"/>, for the evidence picker as you type: <c>[{cite, kind, ref, summary}]</c>.</summary>
    [HttpGet("find.json")]
    public async Task<IActionResult> FindAsYouType(string siteCode, [FromQuery] string? text, CancellationToken cancellationToken) =>
        Json((await _mediator.Send(new FindEvidenceQuery(siteCode, text), cancellationToken)).Matches.Select(m => new { m.Cite, m.Kind, m.Ref, m.Summary }));

    /// <summary>Served as an attachment (never inline), with its sniffed type and a safe name.</summary>
    [HttpGet("attachments/{reference}/download")]
    public async Task<IActionResult> Download(string siteCode, string reference, CancellationToken cancellationToken)
    {
        var file = await _mediator.Send(new DownloadAttachmentQuery(siteCode, reference), cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("{kind}/{reference}")]
    public async Task<IActionResult> Show(string siteCode, string kind, string reference, CancellationToken cancellationToken) =>
        View(await _mediator.Send(new GetRecordQuery(siteCode, kind, reference), cancellationToken));
}
