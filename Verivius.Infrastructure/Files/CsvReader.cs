using System.Text;

namespace Verivius.Infrastructure.Files;

/// <summary>
/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, quotes doubled inside them,
/// line breaks allowed inside quoted fields. Each record carries the line it starts on, for messages.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, fields);
                    }

                    fields = [];
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"Line {recordLine}: a quoted field is never closed.");
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields);
        }
    }
}

/// <summary>One CSV record and the line of the file it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
