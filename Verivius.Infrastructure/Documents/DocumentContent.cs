using System.Text.Json;
using System.Text.Json.Serialization;
using Verivius.Domain.Evidence;

namespace Verivius.Infrastructure.Documents;

/// <summary>
/// A governance document as the features compose it — headings, paragraphs, tables, charts — with
/// nothing of Word in it, so what a pack says is decided in one place and how Word shows it in another.
/// </summary>
public sealed record DocumentContent(string Title, string Subtitle, IReadOnlyList<string> CoverLines, DateTimeOffset Created, IReadOnlyList<DocumentBlock> Blocks)
{
    [JsonIgnore]
    public IEnumerable<HeadingBlock> Headings => Blocks.OfType<HeadingBlock>();

    /// <summary>
    /// The change history's checkpoint when the document was written (<c>1234:9f3a1c2e7b4d0a11</c>),
    /// printed in every footer and kept in the properties: the board's copy of how far the log had reached.
    /// </summary>
    public string? HistoryCheckpoint { get; init; }

    /// <summary>A short document read at a glance: its title lines head the first page, with no cover page and no contents.</summary>
    public bool Compact { get; init; }

    /// <summary>Kept beside a draft as JSON, so its approved copy is written from exactly what was read.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static DocumentContent FromJson(Stream json) =>
        JsonSerializer.Deserialize<DocumentContent>(json) ?? throw new InvalidDataException("The kept content of the draft is empty.");
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(BulletsBlock), "bullets")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(ImageBlock), "image")]
[JsonDerivedType(typeof(PageBreakBlock), "page-break")]
public abstract record DocumentBlock;

/// <summary>A heading at level 1 to 3; these make the contents and the navigation pane.</summary>
public sealed record HeadingBlock(int Level, string Text) : DocumentBlock;

public sealed record ParagraphBlock(string Text) : DocumentBlock;

public sealed record BulletsBlock(IReadOnlyList<string> Items) : DocumentBlock;

/// <summary>A table whose header row repeats on every page it runs onto; <paramref name="EmptyText"/> stands in for no rows.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCellText>> Rows, string EmptyText) : DocumentBlock;

/// <summary>A column and its share of the page's width (relative to the other columns').</summary>
public sealed record TableColumn(string Header, int Weight = 1);

/// <summary>A cell's text, shaded when it carries a rating (the word is kept, so colour is never the only sign).</summary>
public sealed record TableCellText(string Text, RagRating? Rag = null)
{
    public static implicit operator TableCellText(string text) => new(text);
}

/// <summary>A chart as a PNG, with the title and description Word gives screen readers.</summary>
public sealed record ImageBlock(string Title, string Description, byte[] Png, int WidthPixels, int HeightPixels) : DocumentBlock;

public sealed record PageBreakBlock : DocumentBlock;
