using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Verivius.Tests;

/// <summary>
/// Files an attacker or a confused user sends instead of a pack, made in memory as the tests need
/// them (no committed binaries): each is a valid pack workbook changed the way an attacker would.
/// </summary>
public static class HostileFiles
{
    /// <summary>
    /// A pack whose first sheet nests <paramref name="depth"/> elements after its sheet data, stored
    /// without compression so that it passes any compression-ratio check, as the real attack did.
    /// </summary>
    public static byte[] DeepNesting(int depth, string siteCode = "1-123456789") =>
        Rewrite(
            new PackWorkbook(siteCode).Build(),
            "xl/worksheets/",
            xml => xml.Replace("</x:sheetData>", "</x:sheetData>" + Repeat("<a>", depth) + Repeat("</a>", depth), StringComparison.Ordinal),
            CompressionLevel.NoCompression);

    public static byte[] ExternalLink() =>
        Add(new PackWorkbook().Build(), "xl/externalLinks/externalLink1.xml",
            """<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>""");

    /// <summary>A relationship to a file on the reader's own machine, as a linked object or hyperlink carries.</summary>
    public static byte[] ExternalFileRelationship() =>
        Rewrite(new PackWorkbook().Build(), "xl/_rels/workbook.xml.rels", xml =>
            xml.Replace("</Relationships>", """<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file:///C:/Windows/System32/calc.exe" TargetMode="External"/></Relationships>""", StringComparison.Ordinal));

    public static byte[] Formula(string expression) =>
        new WorkbookBuilder().Sheet("Pack", ["Field", "Value"], ["SiteCode", new WorkbookBuilder.Formula(expression, "0")]).Build();

    public static byte[] OleObject() => Add(new PackWorkbook().Build(), "xl/embeddings/oleObject1.bin", "not really an object");

    public static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Our monthly pack")))));
        }

        return stream.ToArray();
    }

    /// <summary>An Office (OPC) package that holds only its content types: no workbook at all.</summary>
    public static byte[] PackageWithoutWorkbook() =>
        Zip(("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"""));

    public static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Add(byte[] workbook, string name, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the text of the first zip entry whose name starts so, as an attacker editing the package would.</summary>
    public static byte[] Rewrite(byte[] workbook, string start, Func<string, string> change, CompressionLevel compression = CompressionLevel.SmallestSize)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith(start, StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, compression).Open());
            writer.Write(change(xml));
        }

        return stream.ToArray();
    }
}
