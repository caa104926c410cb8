using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Domain.Packs.Reading;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Infrastructure.Workbooks;

/// <summary>
/// Writes monthly pack workbooks: every sheet of the format with its header, drop-downs for every
/// choice, date-formatted date columns, the Pack sheet filled for the site and month, and an
/// Instructions sheet. With no rows it is the blank template, which uploaded back imports as an empty
/// month; with rows it is a template filled with what the portal holds, or one of the demo's packs.
/// </summary>
public static class PackWorkbookWriter
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const int ValidatedRows = PackFormat.MaxRowsPerSheet + 1;

    /// <param name="rows">Per sheet, its data rows as column → value (text, numbers, DateOnly, or bool for Y/N).</param>
    /// <param name="prefilled">When the rows are what the portal already holds, what each sheet was filled with, for the Instructions sheet.</param>
    public static byte[] Write(
        string siteCode, string siteName, PackPeriod period, string preparedBy, IReadOnlyDictionary<string, List<Dictionary<string, object?>>>? rows = null, IReadOnlyList<string>? prefilled = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            AddSheet(workbookPart, "Pack", PackSheet(siteCode, period, preparedBy));
            foreach (var spec in PackFormat.Sheets.Where(s => s.Name != "Pack"))
            {
                AddSheet(workbookPart, spec.Name, DataSheet(spec, rows?.GetValueOrDefault(spec.Name) ?? []));
            }

            AddSheet(workbookPart, "Instructions", Instructions(siteCode, siteName, period, prefilled ?? []));
            document.PackageProperties.Title = $"Monthly pack {period} – {siteName} ({siteCode})";
            document.PackageProperties.Creator = "Verivius";
        }

        return stream.ToArray();
    }

    private static Worksheet PackSheet(string siteCode, PackPeriod period, string preparedBy)
    {
        var data = new SheetData(
            Row(1, HeaderStyle, "Field", "Value"),
            Row(2, 0, "SiteCode", siteCode),
            Row(3, 0, "Period", period.ToString()),
            Row(4, 0, "PreparedBy", preparedBy),
            Row(5, 0, "PreparedOn", ""));
        return new Worksheet(FrozenHeader(), new Columns(Width(1, 16), Width(2, 40)), data);
    }

    private static Worksheet DataSheet(SheetSpec spec, List<Dictionary<string, object?>> rows)
    {
        var columns = spec.Columns.ToList();
        var widths = new Columns(columns.Select((name, i) => ColumnOf(i + 1, name)));
        var validations = new DataValidations();
        for (var i = 0; i < columns.Count; i++)
        {
            var choices = ColumnKinds.ChoicesOf(spec.Name, columns[i]) ?? (ColumnKinds.IsYesNo(columns[i]) ? ["Y", "N"] : null);
            if (choices is not null)
            {
                var letters = SheetCell.Letters(i + 1);
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = columns[i],
                    Error = "Choose one of: " + string.Join(", ", choices),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}2:{letters}{ValidatedRows}" },
                    Formula1 = new Formula1($"\"{string.Join(",", choices)}\""),
                });
            }
        }

        validations.Count = (uint)validations.ChildElements.Count;
        var data = new SheetData(Row(1, HeaderStyle, [.. columns]));
        for (var r = 0; r < rows.Count; r++)
        {
            var number = (uint)(r + 2);
            data.Append(new Row(columns.Select((column, i) => ValueCell(SheetCell.Letters(i + 1) + number, rows[r].GetValueOrDefault(column))).OfType<Cell>()) { RowIndex = number });
        }

        var worksheet = new Worksheet(FrozenHeader(), widths, data);
        if (validations.Count > 0)
        {
            worksheet.Append(validations);
        }

        return worksheet;
    }

    private static Worksheet Instructions(string siteCode, string siteName, PackPeriod period, IReadOnlyList<string> prefilled)
    {
        var lines = new List<string>
        {
            $"Monthly pack for {siteName} ({siteCode}), {period}",
            "",
        };
        if (prefilled.Count > 0)
        {
            lines.Add("Filled in already with what the portal holds for the site, so that you edit and add rather than re-type:");
            lines.AddRange(prefilled.Select(line => "  " + line));
            lines.Add("A row sent back as it is changes nothing. Change a row to update its record, add rows for what is new, and delete matrix rows that no longer stand.");
            lines.Add("");
        }

        lines.AddRange(
        [
            "Fill one sheet per kind of record; leave a sheet empty (or delete it) when there is nothing of that kind this month.",
            "Row 1 of each sheet is its header; keep the headers. Columns may be in any order; extra columns are ignored with a warning.",
            "Dates: real Excel dates, or text as YYYY-MM-DD or DD/MM/YYYY. Yes/no cells: Y, N, Yes, No, TRUE or FALSE.",
            "Each ...Ref is your own reference, unique within its sheet and stable across months: sending a row with the same reference updates that record.",
            "Training and Supervision are the whole matrix as of this month; rows left out of them are no longer current. A sheet left with its header and no rows counts as not sent: the month keeps the matrix it already has.",
            $"References to evidence are Sheet:Ref, where the sheet is {EvidenceReference.ReferableSheets.Replace(":", "", StringComparison.Ordinal)} (for example Audits:AUD-12, Staffing:2026-10-05), or the file name of an attachment, separated by ;",
            "No names of people who use the service: refer to them by your own reference. Staff appear by staff reference and role.",
            "If anything is wrong, nothing is imported and every problem is listed as Sheet!Cell: what is wrong.",
            "",
            "Required columns of each sheet:",
        ]);
        lines.Add($"Pack: {string.Join(", ", PackFormat.Sheet("Pack").Required)}");
        lines.AddRange(RecordCatalogue.All.Where(e => e.Sheet is not null).Select(e => $"{e.Sheet!.Name}: {string.Join(", ", e.Sheet.Required)}{Naming(e)}"));
        var data = new SheetData(lines.Select((line, i) => Row((uint)(i + 1), i == 0 ? HeaderStyle : 0, line)));
        return new Worksheet(new Columns(Width(1, 140)), data);
    }

    /// <summary>What names a row of the sheet, so the manager knows which cell keeps a record the same record next month.</summary>
    private static string Naming(RecordKindEntry kind) => kind.ReferenceColumn is { } column
        ? $" (each row is named by its {column})"
        : " (the whole list as of this month)";

    private static void AddSheet(WorkbookPart workbookPart, string name, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheets = workbookPart.Workbook.Sheets!;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbookPart.GetIdOfPart(part) });
    }

    private static Row Row(uint number, uint style, params string[] values) =>
        new(values.Select((value, i) =>
        {
            var cell = Text(SheetCell.Letters(i + 1) + number, value);
            cell.StyleIndex = style == 0 ? null : style;
            return cell;
        }))
        { RowIndex = number };

    private static Cell? ValueCell(string reference, object? value) => value switch
    {
        null => null,
        DateOnly day => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        int number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        double number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        bool flag => Text(reference, flag ? "Y" : "N"),
        _ => Text(reference, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Text(string reference, string value) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static SheetViews FrozenHeader() =>
        new(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });

    private static Column ColumnOf(int index, string name)
    {
        var column = Width(index, Math.Max(14, name.Length + 4));
        if (ColumnKinds.IsDate(name))
        {
            column.Style = DateStyle;
        }

        return column;
    }

    private static Column Width(int index, double width) => new() { Min = (uint)index, Max = (uint)index, Width = width, CustomWidth = true };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 3 });
}
