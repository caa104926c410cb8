using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Domain.Packs.Reading;

/// <summary>The state of reading one workbook: its issues, its row counts, and how to read one sheet.</summary>
internal sealed class SheetReading
{
    private readonly IWorkbookSource _workbook;

    public SheetReading(IWorkbookSource workbook) => _workbook = workbook;

    public List<PackIssue> Errors { get; } = [];

    public List<PackIssue> Warnings { get; } = [];

    public Dictionary<string, int> RowCounts { get; } = [];

    public bool Date1904 => _workbook.Date1904;

    public static SheetSpec? SpecOf(string sheetName) => PackFormat.Sheets.FirstOrDefault(s => PackReader.Same(s.Name, sheetName));

    /// <summary>The workbook's own name for a format sheet, if it has the sheet.</summary>
    public string? Present(string sheet) => _workbook.SheetNames.FirstOrDefault(n => PackReader.Same(n, sheet));

    /// <summary>
    /// Reads a sheet's rows through <paramref name="parse"/>; null when the workbook lacks the sheet.
    /// A key repeated in the sheet is an error at the later row, naming the earlier one.
    /// </summary>
    public List<Parsed<T>>? Read<T>(string sheet, Func<IRowCells, T> parse, Func<T, string> key, string keyColumn)
    {
        var rows = Rows(sheet, out var layout);
        if (rows is null || layout is null)
        {
            return rows is null ? null : [];
        }

        var read = new List<Parsed<T>>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var reader = new RowReader(row, layout, Date1904, Errors);
            var details = parse(reader);
            if (reader.Failed)
            {
                continue;
            }

            if (seen.TryGetValue(key(details), out var first))
            {
                reader.Problem(keyColumn, $"this row repeats row {first} (the same {RowReader.Words(keyColumn)}); each appears once in a sheet");
                continue;
            }

            seen[key(details)] = row.Number;
            read.Add(new Parsed<T>(details, row.Number, layout));
        }

        return read;
    }

    /// <summary>The data rows of a sheet after its header; the layout is null when the header is unusable.</summary>
    public List<SheetRow>? Rows(string sheet, out SheetLayout? layout)
    {
        layout = null;
        var name = Present(sheet);
        if (name is null)
        {
            return null;
        }

        var spec = PackFormat.Sheet(sheet);
        var data = new List<SheetRow>();
        foreach (var row in _workbook.Rows(name))
        {
            if (layout is null)
            {
                layout = Header(name, spec, row);
                if (layout is null)
                {
                    return data;
                }

                continue;
            }

            if (row.IsEmpty)
            {
                continue;
            }

            if (data.Count == PackFormat.MaxRowsPerSheet)
            {
                Errors.Add(new PackIssue(name, null, $"the sheet has more than {PackFormat.MaxRowsPerSheet:N0} rows, the most one sheet may hold; split the month's records or check the file"));
                break;
            }

            data.Add(row);
        }

        // The Pack sheet's rows describe the pack; every other sheet's rows are records.
        if (spec.Name != "Pack")
        {
            RowCounts[spec.Name] = data.Count;
        }

        if (layout is null)
        {
            Errors.Add(new PackIssue(name, null, $"the sheet is empty; row 1 must be its header ({string.Join(", ", spec.Required)} at least)"));
        }

        return data;
    }

    private SheetLayout? Header(string name, SheetSpec spec, SheetRow header)
    {
        if (header.Number != 1)
        {
            Errors.Add(new PackIssue(name, null, "row 1 is empty; it must be the sheet's header"));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in header.Cells.Where(c => !c.IsBlank))
        {
            var known = spec.Columns.FirstOrDefault(c => SheetLayout.Normalise(c) == SheetLayout.Normalise(cell.Shown));
            var at = SheetCell.Letters(cell.Column) + "1";
            if (known is null)
            {
                Warnings.Add(new PackIssue(name, at, $"the column \"{cell.Shown}\" is not part of the pack format and was ignored"));
            }
            else if (!columns.TryAdd(known, cell.Column))
            {
                Errors.Add(new PackIssue(name, at, $"the column {known} appears twice; keep one"));
            }
        }

        var missing = spec.Required.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            Errors.Add(new PackIssue(name, null, $"the required column {column} is missing"));
        }

        return missing.Count == 0 ? new SheetLayout(name, columns) : null;
    }
}
