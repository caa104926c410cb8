namespace Verivius.Infrastructure.Documents;

/// <summary>
/// Column widths set from what the columns hold, so that no word is broken inside a cell: each
/// column is at least as wide as its longest word (hyphenated words included, as the writer keeps
/// them whole), and the width left over goes to the columns with the most text. Words are measured
/// with Arial's character widths at the tables' 9 points, widened to allow for the wider fonts that
/// stand in for Arial where it is missing (DejaVu Sans on a server without Liberation Sans). A table
/// whose words do not fit across a portrait page is set on a landscape page.
/// </summary>
public static class TableColumns
{
    // Twentieths of a point per thousandth of an em at 9 points, and the cell's left and right margins with some room.
    private const double TwipsPerMilliEm = 9 * 20 / 1000.0;
    private const int CellPadding = 160 + 120;

    /// <param name="portrait">The text width of a portrait page, in twips.</param>
    /// <param name="landscape">The text width of a landscape page, in twips.</param>
    public static (IReadOnlyList<int> Widths, bool Landscape) Fit(TableBlock table, int portrait, int landscape)
    {
        ArgumentNullException.ThrowIfNull(table);
        var count = table.Columns.Count;
        var least = new double[count];
        var natural = new double[count];
        for (var column = 0; column < count; column++)
        {
            var texts = table.Rows.Select(row => column < row.Count ? row[column].Text : "").ToList();
            least[column] = Math.Max(WidestWord(table.Columns[column].Header, bold: true), texts.Select(t => WidestWord(t, bold: false)).DefaultIfEmpty(0).Max()) + CellPadding;

            // What the column would take with its text on one line, as most cells read it (not the odd long one).
            var lengths = texts.Select(t => Width(t, bold: false)).Order().ToList();
            var typical = lengths.Count == 0 ? 0 : lengths[(int)(0.9 * (lengths.Count - 1))];
            natural[column] = Math.Max(least[column], Math.Max(typical, Width(table.Columns[column].Header, bold: true)) + CellPadding);
        }

        var landscapeNeeded = least.Sum() > portrait;
        var available = landscapeNeeded ? landscape : portrait;
        return (Share(least, natural, available), landscapeNeeded);
    }

    /// <summary>Every column gets its least; what is left is shared by how much more each would like.</summary>
    private static List<int> Share(double[] least, double[] natural, int available)
    {
        var total = least.Sum();
        if (total >= available)
        {
            // Wider than even a landscape page: shrink in proportion, the one case where a word may break.
            return [.. least.Select(w => (int)(w * available / total))];
        }

        var spare = available - total;
        var wanted = natural.Zip(least, (n, l) => n - l).ToArray();
        var wantedTotal = wanted.Sum();
        var widths = least.Select((l, i) => l + (wantedTotal > 0 ? Math.Min(wanted[i], spare * wanted[i] / wantedTotal) : 0)).ToArray();

        // The table fills the text width: anything still spare goes by each column's share of it.
        var left = available - widths.Sum();
        var sum = widths.Sum();
        return [.. widths.Select(w => (int)(w + (left * w / sum)))];
    }

    private static double WidestWord(string text, bool bold) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => Width(word, bold)).DefaultIfEmpty(0).Max();

    /// <summary>The width of the text on one line, in twips.</summary>
    public static double Width(string text, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        var milliEm = text.Sum(ArialWidth);
        return milliEm * TwipsPerMilliEm * (bold ? 1.25 : 1.15);
    }

    // Arial's advance widths in thousandths of an em, grouped; a character not listed is taken as wide.
    private static int ArialWidth(char c) => c switch
    {
        'i' or 'j' or 'l' or 'I' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 278,
        ' ' or 'f' or 't' or '/' => 278,
        'r' or '-' or '(' or ')' => 333,
        'm' => 833,
        'w' => 722,
        'M' => 833,
        'W' => 944,
        >= 'A' and <= 'Z' => 722,
        >= 'a' and <= 'z' => 556,
        >= '0' and <= '9' => 556,
        '%' or '@' => 900,
        _ => 600,
    };
}
