using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Infrastructure.Workbooks;

/// <summary>
/// An .xlsx file read for the pack format: checked as a zip before the SDK sees it, then read a row
/// at a time (the SDK's <see cref="OpenXmlReader"/>), never as a whole document.
/// </summary>
public sealed class XlsxWorkbook : IWorkbookSource, IDisposable
{
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

    private static IEnumerable<SheetRow> Read(WorksheetPart part, List<string> sharedStrings)
    {
        using var reader = OpenReader(part);
        while (Next(reader))
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)Load(reader);
            var number = (int)(row.RowIndex?.Value ?? 0);
            var cells = new List<SheetCell>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                position++;
                var column = cell.CellReference?.Value is { } reference ? SheetCell.ColumnOf(reference) : position;
                position = column;
                if (ValueOf(cell, column, sharedStrings) is { } value)
                {
                    cells.Add(value);
                }
            }

            if (cells.Count > 0)
            {
                yield return new SheetRow(number, cells);
            }
        }
    }

    private static SheetCell? ValueOf(Cell cell, int column, List<string> sharedStrings)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.InlineString)
        {
            return new SheetCell(column, CellKind.Text, cell.InlineString?.InnerText);
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count
                ? new SheetCell(column, CellKind.Text, sharedStrings[index])
                : new SheetCell(column, CellKind.Error, "#BROKEN-STRING");
        }

        if (type == CellValues.Boolean)
        {
            return new SheetCell(column, CellKind.Boolean, Boolean: raw == "1");
        }

        if (type == CellValues.Error)
        {
            return new SheetCell(column, CellKind.Error, raw);
        }

        if (type == CellValues.String || type == CellValues.Date)
        {
            return new SheetCell(column, CellKind.Text, raw);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new SheetCell(column, CellKind.Number, Number: number)
            : new SheetCell(column, CellKind.Text, raw);
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
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                // Rich text keeps its runs' text; phonetic guides (rPh) are not part of the value.
                var item = (SharedStringItem)Load(reader);
                _sharedStrings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return _sharedStrings;
    }

    private static OpenXmlReader OpenReader(OpenXmlPart part)
    {
        try
        {
            return OpenXmlReader.Create(part);
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or OpenXmlPackageException or InvalidDataException)
        {
            throw Unreadable(ex);
        }
    }

    private static bool Next(OpenXmlReader reader)
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

    private static OpenXmlElement Load(OpenXmlReader reader)
    {
        try
        {
            return reader.LoadCurrentElement()!;
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or InvalidDataException)
        {
            throw Unreadable(ex);
        }
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
