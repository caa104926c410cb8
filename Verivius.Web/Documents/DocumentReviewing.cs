using Verivius.Infrastructure.Documents;

namespace Verivius.Web.Documents;

/// <summary>
/// What review adds to a document's content: the draft's warning on its cover, and on the approved
/// copy the approver's commentary (with any notes on particular sites) at the front and their approval on the cover. The rest
/// of the content is what the reviewer read, unchanged.
/// </summary>
public static class DocumentReviewing
{
    public const string CommentaryHeading = "Commentary on approval";

    public static DocumentContent AsDraft(DocumentContent content, int revision)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content with
        {
            CoverLines = [$"DRAFT for review, revision {revision}: not yet approved by the nominated individual, not to be shared.", .. content.CoverLines],
        };
    }

    /// <param name="siteNotes">Notes on particular sites, each under its site's name after the commentary.</param>
    /// <param name="approval">How the approval is signed on the cover: who, in what part, on what day.</param>
    public static DocumentContent AsPublished(DocumentContent content, string? commentary, IReadOnlyList<SiteCommentary> siteNotes, string approval)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(siteNotes);
        List<DocumentBlock> front = [.. Paragraphs(commentary)];
        foreach (var note in siteNotes)
        {
            front.Add(new HeadingBlock(2, $"On {note.Site}"));
            front.AddRange(Paragraphs(note.Text));
        }

        return content with
        {
            CoverLines = [.. content.CoverLines, approval],
            Blocks = front.Count == 0 ? content.Blocks : [new HeadingBlock(1, CommentaryHeading), .. front, .. content.Blocks],
        };
    }

    private static IEnumerable<DocumentBlock> Paragraphs(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(paragraph => new ParagraphBlock(paragraph));

    /// <summary>An approver's note on one site, under the site's name and code.</summary>
    public sealed record SiteCommentary(string Site, string Text);
}
