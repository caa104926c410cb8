using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Verivius.Tests;

/// <summary>
/// Builds .xlsx files in memory with the OpenXml SDK, cell by cell as Excel would store them, so tests
/// make every workbook they read (no committed binaries).
/// </summary>
public sealed class WorkbookBuilder
{
    private readonly List<(string Name, IReadOnlyList<object?[]> Rows)> _sheets = [];
    private bool _date1904;
    private SpreadsheetDocumentType _type = SpreadsheetDocumentType.Workbook;

    public WorkbookBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows));
        return this;
    }

    public WorkbookBuilder Date1904()
    {
        _date1904 = true;
        return this;
    }

    public WorkbookBuilder As(SpreadsheetDocumentType type)
    {
        _type = type;
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, _type))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new WorkbookProperties { Date1904 = _date1904 }, new Sheets());
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var shared = new Dictionary<string, int>();
            uint sheetId = 1;
            foreach (var (name, rows) in _sheets)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (rows[r][c] is { } value)
                        {
                            row.Append(CellFor(value, $"{Letters(c + 1)}{r + 1}", strings.SharedStringTable, shared));
                        }
                    }

                    data.Append(row);
                }

                sheetPart.Worksheet = new Worksheet(data);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(sheetPart) });
            }
        }

        return stream.ToArray();
    }

    /// <summary>Excel's serial number for a day, in the 1900 or the 1904 date system.</summary>
    public static double Serial(DateOnly day, bool date1904 = false) =>
        day.ToDateTime(TimeOnly.MinValue).ToOADate() - (date1904 ? 1462 : 0);

    private Cell CellFor(object value, string reference, SharedStringTable table, Dictionary<string, int> shared) => value switch
    {
        Inline inline => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) },
        Formula formula => new Cell(new CellFormula(formula.Expression), new CellValue(formula.Cached)) { CellReference = reference, DataType = CellValues.String },
        string text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(SharedIndex(text, table, shared)) },
        bool flag => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        DateOnly day => new Cell { CellReference = reference, CellValue = new CellValue(Serial(day, _date1904)) },
        int number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        double number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        _ => throw new ArgumentException($"No cell for {value.GetType().Name}"),
    };

    private static int SharedIndex(string text, SharedStringTable table, Dictionary<string, int> shared)
    {
        if (!shared.TryGetValue(text, out var index))
        {
            index = shared.Count;
            shared[text] = index;
            table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return index;
    }

    private static string Letters(int column) => Verivius.Domain.Packs.Workbooks.SheetCell.Letters(column);

    /// <summary>A string stored inline in the cell rather than in the shared string table.</summary>
    public sealed record Inline(string Text);

    /// <summary>A formula with the value Excel cached when it last calculated.</summary>
    public sealed record Formula(string Expression, string Cached);
}
