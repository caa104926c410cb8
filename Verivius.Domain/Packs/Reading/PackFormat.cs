using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>The sheets and columns of the monthly pack workbook, format v1 (<c>monthly-pack-format.md</c>); the sheets themselves are described in <see cref="RecordCatalogue"/>.</summary>
public static class PackFormat
{
    public const int Version = 1;

    /// <summary>The most data rows one sheet may hold; a month of a large home is a few hundred.</summary>
    public const int MaxRowsPerSheet = 10_000;

    /// <summary>The Pack sheet that says whose month it is, then one sheet per kind of record the catalogue places in the workbook.</summary>
    public static IReadOnlyList<SheetSpec> Sheets { get; } =
        [new("Pack", ["Field", "Value"], []), .. RecordCatalogue.All.Select(e => e.Sheet).OfType<SheetSpec>()];

    /// <summary>Sheets a workbook may carry that the reader passes over without a warning.</summary>
    public static IReadOnlyList<string> Ignored { get; } = ["Instructions", "Lists"];

    public static SheetSpec Sheet(string name) => Sheets.Single(s => s.Name == name);
}
