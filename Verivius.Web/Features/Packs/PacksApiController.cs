using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Web.Api;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Packs;

/// <summary>
/// A care system sends a site's monthly pack through the same import command as an upload on the
/// portal, with the token's sites as its scope: a site outside them answers 404, as it would for a person.
/// </summary>
[Authorize(Policy = ApiTokenAuthentication.SendPacksPolicy)]
public sealed class PacksApiController : ApiControllerBase
{
    private readonly IMediator _mediator;

    public PacksApiController(IMediator mediator) => _mediator = mediator;

    /// <summary>Sends a site's monthly pack: previewed unless <c>dryRun=false</c>.</summary>
    /// <remarks>
    /// The workbook (form field <c>workbook</c>) and any attachments (<c>attachments</c>) go through the
    /// same checks as an upload on the portal. With <c>dryRun=true</c>, the default, nothing is stored:
    /// the answer says what the pack would change and which challenges would open or close. With
    /// <c>dryRun=false</c> it is imported as the month's next version; give <c>confirmsVersion</c>, the
    /// version the preview was read against, to be told (409) if another version arrived since. A
    /// version that would drop snapshot rows the month holds (training, supervision) is refused (422)
    /// unless <c>allowRemovals=true</c>. The same workbook again stores nothing and answers 200, unchanged.
    /// </remarks>
    /// <param name="siteCode">The site's CQC location ID; it must be one of the token's sites.</param>
    /// <param name="workbook">The month's pack workbook (.xlsx), in the pack format the portal documents.</param>
    /// <param name="attachments">Files the workbook's rows name as evidence, each under its own name.</param>
    /// <param name="dryRun">True (the default) to preview and store nothing; false to import.</param>
    /// <param name="confirmsVersion">The version the month had when the preview was read (the preview's <c>confirmsVersion</c>).</param>
    /// <param name="allowRemovals">Whether the new version may drop training or supervision rows the month holds.</param>
    /// <response code="200">Previewed, or unchanged: nothing was stored.</response>
    /// <response code="201">Imported as a new version of the month.</response>
    /// <response code="400">No workbook was sent.</response>
    /// <response code="401">No token, or one that is unknown, revoked or expired.</response>
    /// <response code="403">The token may not send packs.</response>
    /// <response code="404">No such site among the token's sites.</response>
    /// <response code="409">Another version of the month arrived first.</response>
    /// <response code="422">The workbook has problems; <c>errors</c> lists each with its <c>Sheet!Cell</c>.</response>
    /// <response code="429">Too many calls; wait for the seconds <c>Retry-After</c> gives.</response>
    [HttpPost("packs")]
    [ProducesResponseType<PackAnswer>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<PackAnswer>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<PackProblem>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<PackProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> SendPack(
        string siteCode, IFormFile? workbook, List<IFormFile> attachments, [FromQuery] bool dryRun = true, [FromQuery] int? confirmsVersion = null, [FromQuery] bool allowRemovals = false,
        CancellationToken cancellationToken = default)
    {
        if (workbook is null || workbook.Length == 0)
        {
            return ApiProblem.Result(HttpContext, StatusCodes.Status400BadRequest, "No workbook", "Send the month's pack workbook (.xlsx) as the multipart form field \"workbook\".");
        }

        var files = await PackFile.ReadAllAsync(attachments, cancellationToken);

        var command = new ImportPackCommand(
            siteCode,
            await PackFile.ReadAsync(workbook, cancellationToken),
            files,
            Mode: dryRun ? PackImportMode.DryRun : PackImportMode.Import,
            ConfirmsVersion: dryRun ? null : confirmsVersion,
            AllowRemovals: allowRemovals);
        return PackAnswer.ToResult(await _mediator.Send(command, cancellationToken), dryRun, HttpContext);
    }
}
