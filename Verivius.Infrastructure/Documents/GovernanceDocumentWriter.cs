using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Verivius.Infrastructure.Documents;

/// <summary>
/// Writes a <see cref="DocumentContent"/> as a Word document: A4, British English, the Title and
/// Heading 1–3 styles defined and used (so the navigation pane and the contents field work), a
/// contents field filled in already and refreshed by Word on opening, table header rows that repeat
/// across pages, page numbers in the footer, and the title, author and creation date in the
/// document properties. The body is streamed with <see cref="OpenXmlWriter"/>: a 500-site board
/// pack never holds its whole body in memory.
/// </summary>
public static partial class GovernanceDocumentWriter
{
    public const string Author = "Verivius";

    /// <summary>The custom document property that holds the change history's checkpoint.</summary>
    public const string CheckpointProperty = "Change history checkpoint";

    // A4 in twentieths of a point, with 2 cm margins.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - (2 * Margin);
    private const int LandscapeTextWidth = PageHeight - (2 * Margin);

    // Charts are 16 cm wide; English Metric Units have 360,000 to the centimetre.
    private const long ImageWidthEmu = 16 * 360_000L;

    private const int BulletList = 1;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToBritishDate();

    public static void Write(DocumentContent content, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        WriteProperties(document, content);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new UpdateFieldsOnOpen { Val = true },
            new ThemeFontLanguages { Val = "en-GB" });
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = Footer(content.HistoryCheckpoint);
        var footerId = main.GetIdOfPart(footer);

        var images = AddImages(main, content);
        var tables = new Dictionary<TableBlock, (IReadOnlyList<int> Widths, bool Landscape)>(ReferenceEqualityComparer.Instance);
        foreach (var table in content.Blocks.OfType<TableBlock>().Where(t => t.Rows.Count > 0))
        {
            tables[table] = TableColumns.Fit(table, TextWidth, LandscapeTextWidth);
        }

        var (landscapeFrom, landscapeTo) = LandscapeRuns(content.Blocks, tables);
        var contents = Contents(content);
        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Document(), [], Namespaces);
        writer.WriteStartElement(new Body());
        WriteCover(writer, content);
        if (!content.Compact)
        {
            WriteContents(writer, contents);
        }

        uint drawingId = 1;
        for (var i = 0; i < content.Blocks.Count; i++)
        {
            var block = content.Blocks[i];
            if (landscapeFrom.Contains(i))
            {
                writer.WriteElement(new Paragraph(new ParagraphProperties(Section(footerId, landscape: false))));
            }

            // A section break starts a new page already: a page break beside one would leave a page blank.
            if (block is PageBreakBlock && (landscapeFrom.Contains(i + 1) || landscapeTo.Contains(i - 1)))
            {
                continue;
            }

            if (block is TableBlock table && tables.TryGetValue(table, out var fit))
            {
                WriteTable(writer, table, fit.Widths, landscapeTo.Contains(i) ? new Paragraph(new ParagraphProperties(Section(footerId, landscape: true))) : new Paragraph());
                continue;
            }

            WriteBlock(writer, block, images, contents, ref drawingId);
            if (landscapeTo.Contains(i))
            {
                writer.WriteElement(new Paragraph(new ParagraphProperties(Section(footerId, landscape: true))));
            }
        }

        writer.WriteElement(Section(footerId, landscape: false));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>
    /// Where landscape sections begin and end: each wide table with the heading and introduction just
    /// before it, so a heading is never left on the portrait page before its table; neighbouring wide
    /// tables share one section.
    /// </summary>
    private static (HashSet<int> From, HashSet<int> To) LandscapeRuns(IReadOnlyList<DocumentBlock> blocks, Dictionary<TableBlock, (IReadOnlyList<int> Widths, bool Landscape)> tables)
    {
        var from = new HashSet<int>();
        var to = new HashSet<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TableBlock table || !tables.TryGetValue(table, out var fit) || !fit.Landscape)
            {
                continue;
            }

            var start = i;
            while (start > 0 && i - start < 2 && blocks[start - 1] is HeadingBlock or ParagraphBlock)
            {
                start--;
            }

            if (!to.Remove(start - 1))
            {
                from.Add(start);
            }

            to.Add(i);
        }

        return (from, to);
    }

    private static SectionProperties Section(string footerId, bool landscape) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        landscape
            ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 });

    private static void WriteProperties(WordprocessingDocument document, DocumentContent content)
    {
        document.PackageProperties.Title = content.Title;
        document.PackageProperties.Subject = content.Subtitle;
        document.PackageProperties.Creator = Author;
        document.PackageProperties.LastModifiedBy = Author;
        document.PackageProperties.Created = content.Created.UtcDateTime;
        document.PackageProperties.Modified = content.Created.UtcDateTime;
        document.PackageProperties.Language = "en-GB";
        if (content.HistoryCheckpoint is { } checkpoint)
        {
            document.AddCustomFilePropertiesPart().Properties = new DocumentFormat.OpenXml.CustomProperties.Properties(
                new DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty(new DocumentFormat.OpenXml.VariantTypes.VTLPWSTR(checkpoint))
                {
                    FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                    PropertyId = 2,
                    Name = CheckpointProperty,
                });
        }
    }

    /// <summary>Images are parts of their own; they are added before the streamed body, which refers to them by id.</summary>
    private static Dictionary<ImageBlock, string> AddImages(MainDocumentPart main, DocumentContent content)
    {
        var images = new Dictionary<ImageBlock, string>(ReferenceEqualityComparer.Instance);
        foreach (var image in content.Blocks.OfType<ImageBlock>())
        {
            var part = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(image.Png, writable: false))
            {
                part.FeedData(png);
            }

            images[image] = main.GetIdOfPart(part);
        }

        return images;
    }

    private static void WriteBlock(OpenXmlWriter writer, DocumentBlock block, Dictionary<ImageBlock, string> images, Dictionary<HeadingBlock, int> contents, ref uint drawingId)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var titled = Styled(heading.Level switch { 1 => "Heading1", 2 => "Heading2", _ => "Heading3" }, heading.Text);
                if (contents.TryGetValue(heading, out var entry))
                {
                    // The bookmark the contents entry's page number refers to.
                    titled.InsertAfter(new BookmarkStart { Id = $"{entry}", Name = ContentsBookmark(entry) }, titled.ParagraphProperties);
                    titled.Append(new BookmarkEnd { Id = $"{entry}" });
                }

                writer.WriteElement(titled);
                break;
            case ParagraphBlock paragraph:
                writer.WriteElement(Styled(null, paragraph.Text));
                break;
            case BulletsBlock bullets:
                foreach (var item in bullets.Items)
                {
                    writer.WriteElement(Bullet(item));
                }

                break;
            case TableBlock table:
                WriteTable(writer, table, [], new Paragraph());
                break;
            case ImageBlock image:
                writer.WriteElement(Picture(image, images[image], drawingId++));
                break;
            case PageBreakBlock:
                writer.WriteElement(PageBreak());
                break;
            default:
                throw new ArgumentException($"No way to write a {block.GetType().Name}.", nameof(block));
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Namespaces =>
    [
        new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        new("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        new("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ];

    /// <summary>A cover page; or, for a compact document, the same heading lines at the top of its first page.</summary>
    private static void WriteCover(OpenXmlWriter writer, DocumentContent content)
    {
        var title = Styled("Title", content.Title);
        if (content.Compact)
        {
            title.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "0" });
        }

        writer.WriteElement(title);
        writer.WriteElement(Styled("Subtitle", content.Subtitle));
        foreach (var line in content.CoverLines)
        {
            writer.WriteElement(Styled(null, line));
        }

        writer.WriteElement(content.Compact ? new Paragraph() : PageBreak());
    }

    /// <summary>The headings the contents list (levels 1 and 2), each numbered for its bookmark.</summary>
    private static Dictionary<HeadingBlock, int> Contents(DocumentContent content) =>
        content.Headings.Where(h => h.Level <= 2).Select((heading, i) => (heading, i)).ToDictionary(x => x.heading, x => x.i + 1, (IEqualityComparer<HeadingBlock>)ReferenceEqualityComparer.Instance);

    private static string ContentsBookmark(int entry) => $"_Toc{entry:D6}";

    /// <summary>
    /// The contents: each heading of levels 1 and 2 linked to the bookmark on it, with a PAGEREF field
    /// for its page. A TOC field's result is frozen text to LibreOffice, so its PDF would show whatever
    /// page numbers were written in advance; a PAGEREF on its own is laid out by LibreOffice when it
    /// writes the PDF, and refreshed by Word on opening (UpdateFieldsOnOpen), so both show the right pages.
    /// </summary>
    private static void WriteContents(OpenXmlWriter writer, Dictionary<HeadingBlock, int> contents)
    {
        writer.WriteElement(Styled("TOCHeading", "Contents"));
        foreach (var (heading, number) in contents.OrderBy(c => c.Value))
        {
            writer.WriteElement(new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = $"TOC{heading.Level}" },
                    new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth })),
                new Hyperlink(TextRun(heading.Text), new Run(new TabChar())) { Anchor = ContentsBookmark(number), History = false },
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                new Run(new FieldCode($" PAGEREF {ContentsBookmark(number)} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        }

        writer.WriteElement(PageBreak());
    }

    /// <param name="widths">Each column's width in twips, set from its content.</param>
    /// <param name="after">The paragraph Word needs between a table and what follows; it may end a section.</param>
    private static void WriteTable(OpenXmlWriter writer, TableBlock table, IReadOnlyList<int> widths, Paragraph after)
    {
        if (table.Rows.Count == 0)
        {
            writer.WriteElement(Styled(null, table.EmptyText));
            return;
        }

        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableStyle { Val = "VeriviusTable" },
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // The header row repeats at the top of every page the table runs onto, and never ends a page alone.
        writer.WriteElement(Row(new TableRowProperties(new CantSplit(), new TableHeader()), table.Columns.Select((c, i) => Cell(new TableCellText(c.Header), widths[i], header: true))));
        foreach (var row in table.Rows)
        {
            writer.WriteElement(Row(new TableRowProperties(new CantSplit()), row.Select((c, i) => Cell(c, widths[Math.Min(i, widths.Count - 1)], header: false))));
        }

        writer.WriteEndElement();
        writer.WriteElement(after);
    }

    private static TableRow Row(TableRowProperties properties, IEnumerable<TableCell> cells) => new([properties, .. cells]);

    private static TableCell Cell(TableCellText cell, int width, bool header)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        var fill = header ? "D9E2F3" : cell.Rag switch
        {
            RagRating.Red => "F4B6B6",
            RagRating.Amber => "FFE699",
            RagRating.Green => "C6E0B4",
            _ => null,
        };
        if (fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        var run = TextRun(cell.Text, keepHyphenated: true);
        if (header)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        var paragraph = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" });
        if (header)
        {
            paragraph.PrependChild(new KeepNext());
        }

        return new TableCell(properties, new Paragraph(paragraph, run));
    }

    private static Paragraph Styled(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(TextRun(text));
        return paragraph;
    }

    private static Paragraph Bullet(string text) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList })),
        TextRun(text));

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>
    /// A run of text, made safe for XML: control characters a record might carry are dropped. The hyphens
    /// of a code or reference (ACT-OVERDUE, 1-101000002) never break the line; other words break as usual.
    /// </summary>
    /// <param name="keepHyphenated">No hyphen breaks the line, so every word of a narrow table cell stays whole.</param>
    private static Run TextRun(string text, bool keepHyphenated = false)
    {
        var clean = new string([.. text.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c))]).Replace("\r", "", StringComparison.Ordinal);
        var lines = clean.Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = keepHyphenated ? lines[i].Split('-') : CodeHyphen().Split(lines[i]);
            for (var part = 0; part < parts.Length; part++)
            {
                if (part > 0)
                {
                    run.Append(new NoBreakHyphen());
                }

                run.Append(new Text(parts[part]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        return run;
    }

    private static Paragraph Picture(ImageBlock image, string relationshipId, uint id)
    {
        var heightEmu = ImageWidthEmu * image.HeightPixels / Math.Max(1, image.WidthPixels);
        var name = $"Chart {id}";
        var inline = new DW.Inline(
            new DW.Extent { Cx = ImageWidthEmu, Cy = heightEmu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Title = image.Title, Description = image.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png", Description = image.Description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = ImageWidthEmu, Cy = heightEmu }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Drawing(inline)));
    }

    /// <summary>Page X of Y, and under it the change history's checkpoint, if the document carries one.</summary>
    private static Footer Footer(string? checkpoint)
    {
        var footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));
        if (checkpoint is not null)
        {
            footer.Append(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
                new Run(new Text($"Change history checkpoint {checkpoint}"))));
        }

        return footer;
    }

    private static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = BulletList },
        new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });

    /// <summary>The styles the document uses, with Word's built-in names so its navigation and contents recognise them.</summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "21" },
                new FontSizeComplexScript { Val = "21" },
                new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", null, isDefault: true),
        ParagraphStyle("Title", "Title", null, runs: [new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "56" }], spacing: new SpacingBetweenLines { Before = "2400", After = "240" }),
        ParagraphStyle("Subtitle", "Subtitle", null, runs: [new Color { Val = "2F5496" }, new FontSize { Val = "32" }], spacing: new SpacingBetweenLines { After = "480" }),
        Heading(1, "32", "1F3864"),
        Heading(2, "26", "2F5496"),
        Heading(3, "22", "2F5496"),
        ParagraphStyle("TOCHeading", "TOC Heading", "Normal", runs: [new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "32" }], spacing: new SpacingBetweenLines { Before = "240", After = "240" }),
        ParagraphStyle("TOC1", "toc 1", "Normal", spacing: new SpacingBetweenLines { After = "60" }),
        ParagraphStyle("TOC2", "toc 2", "Normal", spacing: new SpacingBetweenLines { After = "60" }, indent: 220),
        ParagraphStyle("TOC3", "toc 3", "Normal", spacing: new SpacingBetweenLines { After = "60" }, indent: 440),
        ParagraphStyle("ListParagraph", "List Paragraph", "Normal", spacing: new SpacingBetweenLines { After = "60" }, indent: 720),
        ParagraphStyle("Footer", "footer", "Normal", runs: [new FontSize { Val = "18" }]),
        new Style(
            new StyleName { Val = "Verivius Table" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 59 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "VeriviusTable" },
        new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(), new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    private static Style Heading(int level, string size, string colour) => ParagraphStyle(
        $"Heading{level}",
        $"heading {level}",
        "Normal",
        runs: [new Bold(), new Color { Val = colour }, new FontSize { Val = size }],
        spacing: new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" },
        outlineLevel: level - 1);

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault = false, OpenXmlElement[]? runs = null, SpacingBetweenLines? spacing = null, int? outlineLevel = null, int? indent = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outlineLevel is not null)
        {
            paragraph.Append(new KeepNext());
        }

        if (spacing is not null)
        {
            paragraph.Append(spacing);
        }

        if (indent is not null)
        {
            paragraph.Append(new Indentation { Left = indent.Value.ToString(CultureInfo.InvariantCulture) });
        }

        if (outlineLevel is not null)
        {
            paragraph.Append(new OutlineLevel { Val = outlineLevel });
        }

        style.Append(paragraph);
        if (runs is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(runs));
        }

        return style;
    }

    /// <summary>A hyphen between capitals or digits: inside a code or a reference.</summary>
    [GeneratedRegex("(?<=[A-Z0-9])-(?=[A-Z0-9])")]
    private static partial Regex CodeHyphen();
}
