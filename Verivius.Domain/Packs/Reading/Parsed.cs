namespace Verivius.Domain.Packs.Reading;

/// <summary>One row read from a sheet: its values, and where it came from so later checks can name its cells.</summary>
public sealed record Parsed<T>(T Details, int Row, SheetLayout Layout)
{
    public string CellOf(string column) => Layout.CellOf(column, Row);
}
