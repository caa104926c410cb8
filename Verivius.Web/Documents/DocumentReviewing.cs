using Verivius.Infrastructure.Documents;

namespace Verivius.Web.Documents;

/// <summary>
/// What review adds to a document's content: the draft's warning on its cover, and on the approved
/// copy the nominated individual's commentary at the front and their approval on the cover. The rest
/// of the content is what the reviewer read, unchanged.
/// </summary>
public static class DocumentReviewing
{
    public const string CommentaryHeading = "Commentary from the nominated individual";

    public static DocumentContent AsDraft(DocumentContent content, int revision)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content with
        {
            CoverLines = [$"DRAFT for review, revision {revision}: not yet approved by the nominated individual, not to be shared.", .. content.CoverLines],
        };
    }

    /// <param name="approval">How the approval is signed on the cover: who, in what role, on what day.</param>
    public static DocumentContent AsPublished(DocumentContent content, string? commentary, string approval)
    {
        ArgumentNullException.ThrowIfNull(content);
        var paragraphs = (commentary ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => (DocumentBlock)new ParagraphBlock(paragraph))
            .ToList();
        IReadOnlyList<DocumentBlock> front = paragraphs.Count == 0 ? [] : [new HeadingBlock(1, CommentaryHeading), .. paragraphs];
        return content with
        {
            CoverLines = [.. content.CoverLines, approval],
            Blocks = [.. front, .. content.Blocks],
        };
    }
}
