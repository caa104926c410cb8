namespace Verivius.Domain.Packs.Workbooks;

/// <summary>
/// A spreadsheet as the pack format reads it: named sheets of rows of typed cells, read one row at a
/// time so a large sheet is never held whole. Implemented over .xlsx files by the infrastructure.
/// </summary>
public interface IWorkbookSource
{
    /// <summary>True when the workbook counts dates from 1904 (old Mac Excel) rather than 1900.</summary>
    bool Date1904 { get; }

    /// <summary>The sheets' names, in workbook order.</summary>
    IReadOnlyList<string> SheetNames { get; }

    /// <summary>The rows of one sheet that have any cell, in order; empty rows may be skipped.</summary>
    IEnumerable<SheetRow> Rows(string sheetName);
}
