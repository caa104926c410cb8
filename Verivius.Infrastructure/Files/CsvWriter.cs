using System.Text;

namespace Verivius.Infrastructure.Files;

/// <summary>
/// Writes RFC 4180 CSV that is safe to open in a spreadsheet: a cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> (or a tab or carriage return) would be read as a formula, so it is prefixed with an
/// apostrophe and shown as the text it is.
/// </summary>
public static class CsvWriter
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    /// <summary>A whole document, header first, as UTF-8 with a byte-order mark so spreadsheets read it as UTF-8.</summary>
    public static byte[] Document(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder(Line(header));
        foreach (var row in rows)
        {
            text.Append(Line(row));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
