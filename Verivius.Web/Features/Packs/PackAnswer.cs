using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Verivius.Domain.Packs.Reading;
using Verivius.Web.Api;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Packs;

/// <summary>What became of a pack a care system sent: previewed, imported, or unchanged.</summary>
/// <param name="Status">"previewed", "imported" or "unchanged".</param>
/// <param name="Period">The pack's month, as yyyy-MM.</param>
/// <param name="Version">The version imported or matched; for a preview, the version the month has now (null if none).</param>
/// <param name="NewVersion">For a preview, the version the pack would be imported as.</param>
/// <param name="ConfirmsVersion">For a preview, what to send as <c>confirmsVersion</c> when importing it: the version the month has now, 0 if none.</param>
/// <param name="Rows">Rows read from each sheet.</param>
/// <param name="Changes">For a preview, per sheet, the rows the pack adds, changes and removes.</param>
/// <param name="ChallengesOpening">Challenges the pack opens (a preview: would open), as "CODE: finding".</param>
/// <param name="ChallengesClosing">Challenges the pack closes (a preview: would close).</param>
/// <param name="Warnings">Problems that did not stop the pack, each with its <c>Sheet!Cell</c>.</param>
public sealed record PackAnswer(
    string Status,
    string? Period,
    int? Version,
    int? NewVersion,
    int? ConfirmsVersion,
    IReadOnlyDictionary<string, int> Rows,
    IReadOnlyList<SheetChangeAnswer> Changes,
    IReadOnlyList<string> ChallengesOpening,
    IReadOnlyList<string> ChallengesClosing,
    IReadOnlyList<PackIssueAnswer> Warnings)
{
    /// <summary>The HTTP answer for a pack the import command judged.</summary>
    public static IActionResult ToResult(PackImportResult result, bool dryRun, HttpContext http)
    {
        var answer = From(result);
        return result.Status switch
        {
            PackImportStatus.Imported => new ObjectResult(answer) { StatusCode = StatusCodes.Status201Created },
            PackImportStatus.Unchanged => new OkObjectResult(answer),
            PackImportStatus.Previewed when dryRun => new OkObjectResult(answer),

            // Asked to import, but the version confirmed is no longer the month's newest: nothing was stored.
            PackImportStatus.Previewed => Problem(http, StatusCodes.Status409Conflict, "A newer version arrived", result.Warnings[^1].Message, result, answer),
            PackImportStatus.Conflict => Problem(http, StatusCodes.Status409Conflict, "Another upload finished first", result.Errors[0].Message, result, answer),
            _ => Problem(
                http,
                StatusCodes.Status422UnprocessableEntity,
                "The pack was refused",
                $"Nothing was stored: the workbook has {result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")} to put right; each is listed under \"errors\".",
                result,
                answer),
        };
    }

    private static PackAnswer From(PackImportResult result)
    {
        var moves = result.Preview?.Challenges ?? result.Challenges?.Moves ?? [];
        return new PackAnswer(
            result.Status.ToString().ToLowerInvariant(),
            result.Period,
            result.Version,
            result.Preview?.NewVersion,
            result.Preview is null ? null : result.Version ?? 0,
            result.RowCounts,
            [.. (result.Preview?.Changes.Sheets ?? []).Where(s => !s.ChangesNothing).Select(SheetChangeAnswer.From)],
            [.. moves.Where(m => m.Opens).Select(m => $"{m.Code}: {m.Finding}")],
            [.. moves.Where(m => !m.Opens).Select(m => $"{m.Code}: {m.Finding}")],
            [.. result.Warnings.Select(PackIssueAnswer.From)]);
    }

    private static ObjectResult Problem(HttpContext http, int status, string title, string detail, PackImportResult result, PackAnswer answer)
    {
        var problem = new PackProblem
        {
            Type = ApiProblem.TypeOf(status),
            Title = title,
            Status = status,
            Detail = detail,
            Instance = http.Request.Path,
            Errors = [.. result.Errors.Select(PackIssueAnswer.From)],
            Pack = result.Preview is null ? null : answer,
        };
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { ApiProblem.ContentType } };
    }
}

/// <summary>One problem in a workbook: where (<c>Sheet!Cell</c>, or the sheet alone) and what to put right.</summary>
public sealed record PackIssueAnswer(string Location, string Sheet, string? Cell, string Message)
{
    public static PackIssueAnswer From(PackIssue issue) =>
        new(issue.Cell is null ? issue.Sheet : $"{issue.Sheet}!{issue.Cell}", issue.Sheet, issue.Cell, issue.Message);
}

/// <summary>One sheet's rows a pack adds, changes (with the columns that change) and removes, named by their keys.</summary>
public sealed record SheetChangeAnswer(string Sheet, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    public static SheetChangeAnswer From(SheetChanges sheet) =>
        new(sheet.Sheet, sheet.Added, [.. sheet.Changed.Select(c => c.ToString())], sheet.Removed);
}

/// <summary>The problem details of a refused or conflicting pack: RFC 9457's fields, the <c>Sheet!Cell</c> list, and what the pack would have been.</summary>
public sealed class PackProblem : ProblemDetails
{
    public IReadOnlyList<PackIssueAnswer> Errors { get; init; } = [];

    /// <summary>What the pack would change, when it was read far enough to say: a removal refused, a preview overtaken.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PackAnswer? Pack { get; init; }
}
