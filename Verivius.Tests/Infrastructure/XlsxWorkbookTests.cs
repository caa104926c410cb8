using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using Verivius.Domain.Packs.Workbooks;
using Verivius.Infrastructure.Workbooks;

namespace Verivius.Tests.Infrastructure;

public class XlsxWorkbookTests
{
    private static XlsxWorkbook Open(byte[] bytes, WorkbookLimits? limits = null) => XlsxWorkbook.Open(new MemoryStream(bytes), limits);

    private static string Refusal(byte[] bytes, WorkbookLimits? limits = null) =>
        Assert.Throws<UnreadableWorkbookException>(() =>
        {
            using var workbook = Open(bytes, limits);
            foreach (var sheet in workbook.SheetNames)
            {
                _ = workbook.Rows(sheet).ToList();
            }
        }).Message;

    [Fact]
    public void Cells_AreReadAsExcelStoredThem()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Incidents", ["IncidentRef", "Notes", "Count", "Notifiable", "Total"], ["INC-1", new WorkbookBuilder.Inline("inline text"), 3.5, true, new WorkbookBuilder.Formula("B2&\"x\"", "cached")])
            .Build();
        using var workbook = Open(bytes);

        var rows = workbook.Rows("Incidents").ToList();
        var data = rows[1];

        Assert.Equal(["Incidents"], workbook.SheetNames);
        Assert.Equal(2, data.Number);
        Assert.Equal("INC-1", data.At(1)!.Text);
        Assert.Equal("inline text", data.At(2)!.Text);
        Assert.Equal(3.5, data.At(3)!.Number);
        Assert.True(data.At(4)!.Boolean);
        Assert.Equal("cached", data.At(5)!.Text);
    }

    [Fact]
    public void RichTextAndCellsWithoutReferences_AreReadAsExcelShowsThem()
    {
        // Written as Excel and other tools write them: rich-text runs with a phonetic guide, a rich inline string,
        // cells without a reference (each takes the column after the one before), an error and a formula's text.
        var bytes = new WorkbookBuilder().Sheet("Notes", ["Note"]).Build();
        bytes = HostileFiles.Rewrite(bytes, "xl/sharedStrings", xml => Regex.Replace(xml, "<x:si>.*</x:si>",
            "<x:si><x:r><x:t xml:space=\"preserve\">Falls </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>reviewed</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>guide</x:t></x:rPh></x:si>"));
        bytes = HostileFiles.Rewrite(bytes, "xl/worksheets/", xml => Regex.Replace(xml, "<x:sheetData>.*</x:sheetData>",
            "<x:sheetData><x:row r=\"4\"><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c>"
            + "<x:c r=\"E4\" t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"str\"><x:f>A4</x:f><x:v>Falls reviewed</x:v></x:c><x:c r=\"H4\"/><x:c><x:v>12</x:v></x:c></x:row></x:sheetData>"));
        using var workbook = Open(bytes);

        var row = Assert.Single(workbook.Rows("Notes"));

        Assert.Equal(4, row.Number);
        Assert.Equal([1, 2, 5, 6, 9], row.Cells.Select(c => c.Column));
        Assert.Equal("Falls reviewed", row.At(1)!.Text);
        Assert.Equal("inline", row.At(2)!.Text);
        Assert.Equal((CellKind.Error, "#N/A"), (row.At(5)!.Kind, row.At(5)!.Text));
        Assert.Equal("Falls reviewed", row.At(6)!.Text);
        Assert.Equal(12, row.At(9)!.Number);
    }

    [Fact]
    public void The1904DateSystem_IsReported()
    {
        using var workbook = Open(new WorkbookBuilder().Date1904().Sheet("Pack", ["Field", "Value"]).Build());

        Assert.True(workbook.Date1904);
    }

    [Fact]
    public void EmptyRowsAndGaps_AreSkippedAndColumnsKeptByReference()
    {
        using var workbook = Open(new WorkbookBuilder().Sheet("Actions", ["A", null, "C"], [null, null, null], ["x", null, "z"]).Build());

        var rows = workbook.Rows("Actions").ToList();

        Assert.Equal([1, 3], rows.Select(r => r.Number));
        Assert.Equal(3, rows[1].Cells[1].Column);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(10_000)]
    public void DeepNesting_IsRefusedWithoutRecursion_NamingThePart(int depth)
    {
        var message = Refusal(HostileFiles.DeepNesting(depth));

        Assert.Contains("xl/worksheets/sheet1.xml (sheet \"Pack\") nests its XML more than 32 levels deep", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyElementsInOnePart_AreRefused() =>
        Assert.Contains("more than 50 XML elements", Refusal(new PackWorkbook().Build(), new WorkbookLimits { MaxElementsPerPart = 50 }), StringComparison.Ordinal);

    [Fact]
    public void AnExternalLink_IsRefusedNamingThePart() =>
        Assert.Contains("a link to another workbook (part xl/externalLinks/externalLink1.xml)", Refusal(HostileFiles.ExternalLink()), StringComparison.Ordinal);

    [Fact]
    public void AnEmbeddedObject_IsRefusedNamingThePart() =>
        Assert.Contains("an embedded object (OLE) (part xl/embeddings/oleObject1.bin)", Refusal(HostileFiles.OleObject()), StringComparison.Ordinal);

    [Fact]
    public void ARelationshipToALocalFile_IsRefused() =>
        Assert.Contains("links to \"file:///C:/Windows/System32/calc.exe\" outside itself (part xl/_rels/workbook.xml.rels)", Refusal(HostileFiles.ExternalFileRelationship()), StringComparison.Ordinal);

    [Theory]
    [InlineData("cmd|' /C calc'!A0", "Pack!B2: the formula calls another program (DDE)")]
    [InlineData("HYPERLINK(\"file:///C:/Windows/System32/calc.exe\",\"open\")", "Pack!B2: the formula uses HYPERLINK, which reaches outside the workbook")]
    [InlineData("[1]Sheet1!A1", "Pack!B2: the formula refers to another workbook")]
    [InlineData("'C:\\data\\[Budget.xlsx]Sheet1'!A1*2", "Pack!B2: the formula refers to another workbook")]
    [InlineData("WEBSERVICE(\"http://example.test\")", "Pack!B2: the formula uses WEBSERVICE")]
    public void AFormulaThatReachesOutside_IsRefusedNamingTheCell(string formula, string expected) =>
        Assert.Contains(expected, Refusal(HostileFiles.Formula(formula)), StringComparison.Ordinal);

    [Theory]
    [InlineData("SUM(B2:B9)")]
    [InlineData("IF(A1=\"a|b\",1,0)")]
    [InlineData("Training!C3&\" HYPERLINK(\"")]
    [InlineData("SUM(Table1[Hours])")]
    public void AFormulaOverTheWorkbooksOwnCells_IsAccepted(string formula)
    {
        using var workbook = Open(HostileFiles.Formula(formula));

        Assert.Equal("0", workbook.Rows("Pack").ToList()[1].At(2)!.Text);
    }

    [Fact]
    public void AWordDocument_IsNamedForWhatItIs() =>
        Assert.Contains("The file is a Word document, not an Excel workbook", Refusal(HostileFiles.WordDocument()), StringComparison.Ordinal);

    [Fact]
    public void AnOfficePackageWithoutAWorkbook_IsNamedForWhatItIs() =>
        Assert.Contains("an Office package with no workbook in it", Refusal(HostileFiles.PackageWithoutWorkbook()), StringComparison.Ordinal);

    [Fact]
    public void RandomBytes_AreNamedForWhatTheyAreNot() =>
        Assert.Contains("it is not the zip package every .xlsx is", Refusal(HostileFiles.RandomBytes()), StringComparison.Ordinal);

    [Fact]
    public void AnEmptyFile_IsRefused() => Assert.Equal("The file is empty.", Refusal([]));

    [Fact]
    public void AFileThatIsNotAZip_IsRefused() =>
        Assert.Contains("not an Excel workbook", Refusal(Encoding.UTF8.GetBytes("SiteCode,Name\n1-123456789,Beech House\n")), StringComparison.Ordinal);

    [Fact]
    public void AZipThatIsNotAWorkbook_IsRefused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("hello");
        }

        Assert.Contains("not an Excel workbook", Refusal(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void AMacroEnabledWorkbook_IsRefused() =>
        Assert.Contains("contains macros", Refusal(new WorkbookBuilder().As(SpreadsheetDocumentType.MacroEnabledWorkbook).Sheet("Pack", ["Field"]).Build()), StringComparison.Ordinal);

    [Fact]
    public void ATemplate_IsRefused() =>
        Assert.Contains("template", Refusal(new WorkbookBuilder().As(SpreadsheetDocumentType.Template).Sheet("Pack", ["Field"]).Build()), StringComparison.Ordinal);

    [Fact]
    public void ADocumentTypeDeclaration_IsRefusedInPlainWords()
    {
        var bytes = HostileFiles.Rewrite(new WorkbookBuilder().Sheet("Pack", ["Field", "Value"]).Build(), "xl/worksheets/", xml =>
            xml.Replace("<x:worksheet", "<!DOCTYPE x:worksheet [<!ENTITY boom \"boom\">]><x:worksheet", StringComparison.Ordinal));

        Assert.Contains("document type declaration (DTD)", Refusal(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void AZipBomb_IsRefusedBeforeItIsUnpacked()
    {
        // 20 MB of one repeated character packs to a few kilobytes: far past any real ratio.
        var bytes = HostileFiles.Rewrite(new WorkbookBuilder().Sheet("Pack", ["Field", "Value"]).Build(), "xl/worksheets/", xml =>
            xml.Replace("</x:sheetData>", "</x:sheetData>" + new string(' ', 20_000_000), StringComparison.Ordinal));

        Assert.Contains("zip bomb", Refusal(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyParts_AreRefused() =>
        Assert.Contains("parts", Refusal(new WorkbookBuilder().Sheet("Pack", ["Field"]).Build(), new WorkbookLimits { MaxZipEntries = 3 }), StringComparison.Ordinal);

    [Fact]
    public void APartOverTheCharacterLimit_IsRefused()
    {
        var many = Enumerable.Range(0, 2000).Select(i => new object?[] { $"row {i} with some text to make it longer" }).ToArray();

        var message = Refusal(new WorkbookBuilder().Sheet("Pack", many).Build(), new WorkbookLimits { MaxCharactersInPart = 10_000 });

        Assert.Contains("far larger than any pack needs", message, StringComparison.Ordinal);
    }
}
