using System.Globalization;

namespace Verivius.Domain.Packs.Workbooks;

/// <summary>A cell's value as the workbook stored it: text, a number (dates are numbers), a boolean or an error.</summary>
public sealed record SheetCell(int Column, CellKind Kind, string? Text = null, double? Number = null, bool? Boolean = null)
{
    public bool IsBlank => Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text);

    /// <summary>The value as a person would read it in the cell, for messages.</summary>
    public string Shown => Kind switch
    {
        CellKind.Number => Number!.Value.ToString(CultureInfo.InvariantCulture),
        CellKind.Boolean => Boolean!.Value ? "TRUE" : "FALSE",
        CellKind.Error => Text ?? "#ERROR",
        _ => Text?.Trim() ?? "",
    };

    /// <summary>The column's letters, as Excel shows them: 1 is A, 27 is AA.</summary>
    public static string Letters(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The 1-based column of a reference such as <c>AB12</c>.</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return column;
    }
}

public enum CellKind
{
    Text,
    Number,
    Boolean,
    Error,
}
