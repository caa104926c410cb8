using System.IO.Compression;
using System.Text;
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
        var bytes = Rewrite(new WorkbookBuilder().Sheet("Pack", ["Field", "Value"]).Build(), "xl/worksheets/", xml =>
            xml.Replace("<x:worksheet", "<!DOCTYPE x:worksheet [<!ENTITY boom \"boom\">]><x:worksheet", StringComparison.Ordinal));

        Assert.Contains("document type declaration (DTD)", Refusal(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void AZipBomb_IsRefusedBeforeItIsUnpacked()
    {
        // 20 MB of one repeated character packs to a few kilobytes: far past any real ratio.
        var bytes = Rewrite(new WorkbookBuilder().Sheet("Pack", ["Field", "Value"]).Build(), "xl/worksheets/", xml =>
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

    /// <summary>Rewrites the text of the first zip entry under a folder, as an attacker editing the package would.</summary>
    private static byte[] Rewrite(byte[] workbook, string folder, Func<string, string> change)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open());
            writer.Write(change(xml));
        }

        return stream.ToArray();
    }
}
