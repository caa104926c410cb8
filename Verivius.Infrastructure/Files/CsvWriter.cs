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

    /// <summary>
    /// Writes the header, then each row as it is read, as UTF-8 with a byte-order mark so spreadsheets
    /// read it as UTF-8. The header goes out at once, so a long export starts arriving before its last
    /// row is read; nothing is held beyond the writer's buffer.
    /// </summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<IEnumerable<string?>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(header));
        await writer.FlushAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }
    }
}
