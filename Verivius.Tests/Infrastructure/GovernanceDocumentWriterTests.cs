using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Documents;
using Verivius.Tests.Support;

namespace Verivius.Tests.Infrastructure;

public class GovernanceDocumentWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 3, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWrittenDocument_IsValidWord_WithItsStylesUsed_HeaderRowsRepeated_AndPageNumbers()
    {
        using var file = Write(Sample());
        using var word = WordprocessingDocument.Open(file, false);

        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var body = word.MainDocumentPart!.Document.Body!;
        var styleIds = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId?.Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Title", "Heading1", "Heading2", "Heading3", "TOC1" }, styleIds);
        Assert.Equal(["Board pack", "Executive summary", "Sites at a glance", "Staffing", "Detail"], ParagraphsStyled(body, "Title", "Heading1", "Heading2", "Heading3"));

        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["Site", "Rating"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["Cedar Lodge", "Red"], rows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal("F4B6B6", rows[1].Elements<TableCell>().Last().TableCellProperties?.Shading?.Fill?.Value);

        var footer = Assert.Single(word.MainDocumentPart.FooterParts).Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction?.Value?.Trim() == "PAGE");
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
    }

    [Fact]
    public void TheContents_LinkEachHeading_WithThePageReferenceOfItsBookmark_AndTheChartIsAnImageWithItsDescription()
    {
        using var file = Write(Sample());
        using var word = WordprocessingDocument.Open(file, false);
        var body = word.MainDocumentPart!.Document.Body!;

        // Each entry's page is a PAGEREF to the bookmark on its heading, which LibreOffice and Word lay out.
        var bookmarks = body.Descendants<BookmarkStart>().ToDictionary(b => b.Name!.Value!, b => WordText.Of((Paragraph)b.Parent!));
        Assert.Equal(["Executive summary", "Sites at a glance", "Staffing"], body.Descendants<FieldCode>().Select(c => bookmarks[c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]]));
        Assert.Equal(["Executive summary", "Sites at a glance", "Staffing"], ParagraphsStyled(body, "TOC1", "TOC2"));
        var image = Assert.Single(word.MainDocumentPart.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        var properties = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>());
        Assert.Equal("Incidents per month", properties.Title?.Value);
        Assert.Equal("Incidents each month.", properties.Description?.Value);
        Assert.True(word.MainDocumentPart.DocumentSettingsPart!.Settings.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
    }

    [Fact]
    public void TheDocumentProperties_NameTheTitle_TheAuthor_AndWhenItWasCreated()
    {
        using var file = Write(Sample());
        using var word = WordprocessingDocument.Open(file, false);

        Assert.Equal("Board pack", word.PackageProperties.Title);
        Assert.Equal("Verivius", word.PackageProperties.Creator);
        Assert.Equal(Created.UtcDateTime, word.PackageProperties.Created?.ToUniversalTime());
        Assert.Equal("3 November 2026", GovernanceDocumentWriter.Date(DateOnly.FromDateTime(Created.UtcDateTime)));
    }

    [Fact]
    public void AnEmptyTable_SaysSo_AndControlCharactersInRecords_DoNotBreakTheFile()
    {
        using var file = Write(new DocumentContent("Pack", "October 2026", [], Created,
        [
            new HeadingBlock(1, "Escalations"),
            new TableBlock([new TableColumn("Site")], [], "No challenge is escalated."),
            new ParagraphBlock("A note with a bell \u0007 and a\nsecond line"),
        ]));
        using var word = WordprocessingDocument.Open(file, false);

        Assert.Empty(new OpenXmlValidator().Validate(word));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Elements<Table>());
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "No challenge is escalated.");
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "A note with a bell  and asecond line");
    }

    private static DocumentContent Sample()
    {
        var points = Enumerable.Range(1, 12).Select(m => new TrendPoint($"M{m}", m)).ToList();
        return new DocumentContent("Board pack", "October 2026", ["Demo Care Group"], Created,
        [
            new HeadingBlock(1, "Executive summary"),
            new ParagraphBlock("Six sites."),
            new BulletsBlock(["Falls are improving at Beech House."]),
            new HeadingBlock(1, "Sites at a glance"),
            new TableBlock([new TableColumn("Site", 3), new TableColumn("Rating")], [["Cedar Lodge", new TableCellText("Red", RagRating.Red)], ["Beech House", new TableCellText("Green", RagRating.Green)]], "No sites."),
            new HeadingBlock(2, "Staffing"),
            new HeadingBlock(3, "Detail"),
            new ImageBlock("Incidents per month", "Incidents each month.", TrendChart.Png("Incidents per month", points, false), TrendChart.Width, TrendChart.Height),
        ]);
    }

    private static MemoryStream Write(DocumentContent content)
    {
        var file = new MemoryStream();
        GovernanceDocumentWriter.Write(content, file);
        file.Position = 0;
        return file;
    }

    private static List<string> ParagraphsStyled(Body body, params string[] styles) =>
        [.. body.Elements<Paragraph>().Where(p => styles.Contains(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value)).Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))];
}
