using System.Text;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Reading;
using Verivius.Tests.Architecture;

namespace Verivius.Tests.Domain;

/// <summary>
/// docs/pack-format.md is what a registered manager or a care-system vendor reads; its sheet tables
/// are the reader's own (the record catalogue's sheets), so the document cannot drift from the code.
/// </summary>
public class PackFormatDocumentTests
{
    [Fact]
    public void EverySheetsTable_InThePackFormatDocument_IsTheReadersOwn()
    {
        var document = File.ReadAllText(Path.Combine(LayerReferenceTests.RepositoryRoot(), "docs", "pack-format.md")).ReplaceLineEndings("\n");

        var missing = PackFormat.Sheets.Select(Table).Where(table => !document.Contains(table, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/pack-format.md lacks these tables as the reader has them:\n\n" + string.Join("\n", missing));
    }

    /// <summary>A sheet's columns as the document shows them: required first, then optional, each with what it takes.</summary>
    private static string Table(SheetSpec sheet)
    {
        var table = new StringBuilder($"| `{sheet.Name}` column | required | takes |\n|---|---|---|\n");
        foreach (var column in sheet.Columns)
        {
            table.Append($"| {column} | {(sheet.Required.Contains(column) ? "yes" : "no")} | {Takes(sheet.Name, column)} |\n");
        }

        return table.ToString();
    }

    private static string Takes(string sheet, string column) =>
        ColumnKinds.ChoicesOf(sheet, column) is { } choices ? "one of " + string.Join(", ", choices.Select(c => $"`{c}`"))
        : ColumnKinds.IsDate(column) ? "a date"
        : ColumnKinds.IsYesNo(column) ? "yes or no"
        : ColumnKinds.IsNumber(column) ? "a number"
        : "text";
}
