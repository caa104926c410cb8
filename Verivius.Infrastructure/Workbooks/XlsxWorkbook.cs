using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Infrastructure.Workbooks;

/// <summary>
/// An .xlsx file read for the pack format: checked as a zip before the SDK sees it, then read a row
/// at a time with a plain <see cref="XmlReader"/>, never as a whole document.
/// </summary>
public sealed class XlsxWorkbook : IWorkbookSource, IDisposable
{
    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictSpreadsheetNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string NotAWorkbook = "The file is not an Excel workbook (.xlsx). Save it from Excel as \"Excel Workbook (*.xlsx)\" and upload it again.";

    private readonly SpreadsheetDocument _document;
    private readonly Dictionary<string, WorksheetPart> _sheets;
    private readonly long _maxCharacters;
    private List<string>? _sharedStrings;

    private XlsxWorkbook(SpreadsheetDocument document, long maxCharacters)
    {
        _document = document;
        _maxCharacters = maxCharacters;
        var workbookPart = document.WorkbookPart ?? throw new UnreadableWorkbookException(NotAWorkbook);
        Date1904 = workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value ?? false;
        _sheets = new Dictionary<string, WorksheetPart>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id && workbookPart.GetPartById(id) is WorksheetPart part)
            {
                _sheets[name] = part;
                names.Add(name);
            }
        }

        SheetNames = names;
    }

    public bool Date1904 { get; }

    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>Opens a workbook from a seekable stream, refusing anything that is not a plain, sane .xlsx.</summary>
    public static XlsxWorkbook Open(Stream file, WorkbookLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        limits ??= WorkbookLimits.Default;
        if (file.Length == 0)
        {
            throw new UnreadableWorkbookException("The file is empty.");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            throw new UnreadableWorkbookException($"The workbook is {file.Length / (1024 * 1024)} MB; a pack workbook may be at most {limits.MaxFileBytes / (1024 * 1024)} MB.");
        }

        CheckZip(file, limits);
        WorkbookInspection.Check(file, limits);
        file.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(file, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or InvalidOperationException)
        {
            throw Unreadable(ex);
        }

        try
        {
            var kind = document.DocumentType;
            if (kind != SpreadsheetDocumentType.Workbook)
            {
                throw new UnreadableWorkbookException(kind is SpreadsheetDocumentType.MacroEnabledWorkbook or SpreadsheetDocumentType.MacroEnabledTemplate
                    ? "The workbook contains macros (.xlsm), which Verivius never opens. Save it as \"Excel Workbook (*.xlsx)\" and upload that."
                    : "The file is an Excel template or add-in, not a workbook. Save it as \"Excel Workbook (*.xlsx)\" and upload that.");
            }

            return new XlsxWorkbook(document, limits.MaxCharactersInPart);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public IEnumerable<SheetRow> Rows(string sheetName)
    {
        var part = _sheets[sheetName];
        var sharedStrings = SharedStrings();
        return Read(part, sharedStrings);
    }

    public void Dispose() => _document.Dispose();

    internal static UnreadableWorkbookException Unreadable(Exception ex) => ex switch
    {
        XmlException xml when xml.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) => new UnreadableWorkbookException(
            "The workbook contains a document type declaration (DTD), which Verivius refuses for safety. Open it in Excel, save it as .xlsx and upload it again.", ex),
        XmlException or InvalidOperationException when ex.Message.Contains("MaxCharactersInPart", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("characters", StringComparison.OrdinalIgnoreCase) => new UnreadableWorkbookException(
            "Part of the workbook is far larger than any pack needs, so it was not read. Check it is the right file.", ex),
        _ => new UnreadableWorkbookException(NotAWorkbook, ex),
    };

    /// <summary>
    /// The rows of a sheet, read with a plain <see cref="XmlReader"/>: a pack's sheets hold thousands of rows,
    /// and building the SDK's element tree for each of them cost more than the rest of reading the pack.
    /// </summary>
    private IEnumerable<SheetRow> Read(WorksheetPart part, List<string> sharedStrings)
    {
        using var reader = OpenReader(part);
        while (Next(reader))
        {
            if (reader.NodeType != XmlNodeType.Element || !IsSheetElement(reader, "row"))
            {
                continue;
            }

            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : 0;
            var cells = ReadCells(reader, sharedStrings);
            if (cells.Count > 0)
            {
                yield return new SheetRow(number, cells);
            }
        }
    }

    /// <summary>The cells with a value of the row the reader stands on, leaving the reader at the row's end.</summary>
    private static List<SheetCell> ReadCells(XmlReader reader, List<string> sharedStrings)
    {
        var cells = new List<SheetCell>();
        var position = 0;
        foreach (var cell in ElementsWithin(reader).Where(e => IsSheetElement(e, "c")))
        {
            position++;
            var column = cell.GetAttribute("r") is { } reference ? SheetCell.ColumnOf(reference) : position;
            position = column;
            if (ReadCell(cell, column, sharedStrings) is { } value)
            {
                cells.Add(value);
            }
        }

        return cells;
    }

    /// <summary>The value of the cell the reader stands on, leaving the reader at the cell's end.</summary>
    private static SheetCell? ReadCell(XmlReader reader, int column, List<string> sharedStrings)
    {
        var type = reader.GetAttribute("t");
        string? raw = null;
        string? inline = null;
        foreach (var element in ElementsWithin(reader))
        {
            if (IsSheetElement(element, "v"))
            {
                raw = Content(element);
            }
            else if (IsSheetElement(element, "is"))
            {
                inline = StringItem(element);
            }
        }

        return type switch
        {
            "inlineStr" => new SheetCell(column, CellKind.Text, inline),
            _ when raw is null => null,
            "s" => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count
                ? new SheetCell(column, CellKind.Text, sharedStrings[index])
                : new SheetCell(column, CellKind.Error, "#BROKEN-STRING"),
            "b" => new SheetCell(column, CellKind.Boolean, Boolean: raw == "1"),
            "e" => new SheetCell(column, CellKind.Error, raw),
            "str" or "d" => new SheetCell(column, CellKind.Text, raw),
            _ => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new SheetCell(column, CellKind.Number, Number: number)
                : new SheetCell(column, CellKind.Text, raw),
        };
    }

    /// <summary>
    /// The text of a shared or inline string (<c>si</c> or <c>is</c>) the reader stands on, leaving the reader at its end:
    /// its own text, or its rich-text runs' text. Phonetic guides (<c>rPh</c>) are not part of the value.
    /// </summary>
    private static string StringItem(XmlReader reader)
    {
        string? text = null;
        var runs = new StringBuilder();
        var item = reader.Depth;
        foreach (var element in ElementsWithin(reader))
        {
            if (IsSheetElement(element, "t") && element.Depth == item + 1)
            {
                text = Content(element);
            }
            else if (IsSheetElement(element, "r"))
            {
                foreach (var run in ElementsWithin(element).Where(e => IsSheetElement(e, "t")))
                {
                    runs.Append(Content(run));
                }
            }
        }

        return text ?? runs.ToString();
    }

    private List<string> SharedStrings()
    {
        if (_sharedStrings is not null)
        {
            return _sharedStrings;
        }

        _sharedStrings = [];
        var part = _document.WorkbookPart?.SharedStringTablePart;
        if (part is null)
        {
            return _sharedStrings;
        }

        using var reader = OpenReader(part);
        while (Next(reader))
        {
            if (reader.NodeType == XmlNodeType.Element && IsSheetElement(reader, "si"))
            {
                _sharedStrings.Add(StringItem(reader));
            }
        }

        return _sharedStrings;
    }

    /// <summary>
    /// Moves the reader to each element within the one it stands on, in document order, and leaves it on that
    /// one's end tag. Whoever reads an element on the way leaves the reader on its end tag for the next move.
    /// </summary>
    private static IEnumerable<XmlReader> ElementsWithin(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        var depth = reader.Depth;
        while (Next(reader) && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return reader;
            }
        }
    }

    /// <summary>Whether the reader stands on the named element of the spreadsheet namespace, transitional or strict.</summary>
    private static bool IsSheetElement(XmlReader reader, string name) =>
        reader.LocalName == name && reader.NamespaceURI is SpreadsheetNamespace or StrictSpreadsheetNamespace;

    private XmlReader OpenReader(OpenXmlPart part)
    {
        try
        {
            return XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = _maxCharacters,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                CloseInput = true,
            });
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or OpenXmlPackageException or InvalidDataException or IOException)
        {
            throw Unreadable(ex);
        }
    }

    private static bool Next(XmlReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or InvalidDataException)
        {
            throw Unreadable(ex);
        }
    }

    /// <summary>The text of the element the reader stands on, leaving the reader on its end tag.</summary>
    private static string Content(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var text = new StringBuilder();
        var depth = reader.Depth;
        while (Next(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }

    private static void CheckZip(Stream file, WorkbookLimits limits)
    {
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw new UnreadableWorkbookException($"The workbook has {zip.Entries.Count} parts; a pack has a few dozen. Check it is the right file.");
            }

            foreach (var entry in zip.Entries)
            {
                var tooBig = entry.Length > limits.MaxPartBytes;
                var tooCompressed = entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength);
                if (tooBig || tooCompressed)
                {
                    throw new UnreadableWorkbookException("The workbook unpacks to far more than any pack needs (it looks like a zip bomb), so it was not read.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new UnreadableWorkbookException(NotAZip(file), ex);
        }
    }

    /// <summary>What a file that is not even a zip package (as every .xlsx is) looks like, by its first bytes.</summary>
    private static string NotAZip(Stream file)
    {
        var head = new byte[8];
        file.Position = 0;
        var start = head.AsSpan(0, file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false));
        if (start.StartsWith("%PDF-"u8))
        {
            return "The file is a PDF, not an Excel workbook (.xlsx). Upload the pack workbook; a PDF can go with it as an attachment.";
        }

        return start.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })
            ? "The file is an older Office file (an Excel 97-2003 .xls workbook or similar), not an .xlsx workbook. Open it in Excel, save it as \"Excel Workbook (*.xlsx)\" and upload that."
            : "The file is not an Excel workbook (.xlsx): it is not the zip package every .xlsx is, so it may be a CSV, a renamed file or a damaged one. Save the pack from Excel as \"Excel Workbook (*.xlsx)\" and upload it again.";
    }
}
