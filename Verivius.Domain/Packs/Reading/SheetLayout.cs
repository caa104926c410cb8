using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Domain.Packs.Reading;

/// <summary>Where each known column of a sheet is, found from its header row.</summary>
public sealed class SheetLayout
{
    private readonly Dictionary<string, int> _columns;

    internal SheetLayout(string sheet, Dictionary<string, int> columns)
    {
        Sheet = sheet;
        _columns = columns;
    }

    public string Sheet { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    public int? ColumnOf(string column) => _columns.TryGetValue(column, out var index) ? index : null;

    /// <summary>The cell reference of a column in a row, such as <c>E7</c>.</summary>
    public string CellOf(string column, int row) => (_columns.TryGetValue(column, out var index) ? SheetCell.Letters(index) : "") + row;

    /// <summary>Headers are matched ignoring case and spaces, as the format says.</summary>
    public static string Normalise(string header) => header.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
