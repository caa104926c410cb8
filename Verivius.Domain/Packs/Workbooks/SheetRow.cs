namespace Verivius.Domain.Packs.Workbooks;

/// <summary>One row of a sheet: its 1-based number and the cells it has, by 1-based column.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    public SheetCell? At(int column) => Cells.FirstOrDefault(c => c.Column == column);

    public bool IsEmpty => Cells.All(c => c.IsBlank);
}
