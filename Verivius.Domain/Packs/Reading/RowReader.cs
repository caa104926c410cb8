using System.Globalization;
using System.Text.RegularExpressions;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Workbooks;

namespace Verivius.Domain.Packs.Reading;

/// <summary>
/// Reads typed values from one row and records a plain-English issue for every cell that is wrong,
/// so a row reports all its problems at once.
/// </summary>
internal sealed partial class RowReader : IRowCells
{
    private static readonly DateOnly Earliest = new(1990, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    private readonly SheetRow _row;
    private readonly SheetLayout _layout;
    private readonly bool _date1904;
    private readonly List<PackIssue> _issues;

    public RowReader(SheetRow row, SheetLayout layout, bool date1904, List<PackIssue> issues)
    {
        _row = row;
        _layout = layout;
        _date1904 = date1904;
        _issues = issues;
    }

    public bool Failed { get; private set; }

    public void Problem(string column, string message)
    {
        Failed = true;
        _issues.Add(new PackIssue(_layout.Sheet, _layout.CellOf(column, _row.Number), message));
    }

    public string? Text(string column, bool required = false)
    {
        var cell = Cell(column);
        var text = cell?.Kind == CellKind.Error ? null : cell?.Shown;
        if (cell?.Kind == CellKind.Error)
        {
            Problem(column, $"the cell shows the error {cell.Text}; put a value in it");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Problem(column, $"{column} is empty; every row needs one");
            }

            return null;
        }

        return text.Trim();
    }

    public string RequiredText(string column) => Text(column, required: true) ?? "";

    public DateOnly? Date(string column, bool required = false)
    {
        var cell = Cell(column);
        if (cell is { Kind: CellKind.Number, Number: { } serial })
        {
            var day = FromSerial(serial);
            if (day is null)
            {
                Problem(column, $"{serial.ToString(CultureInfo.InvariantCulture)} is not a date between 1990 and 2100");
            }

            return day;
        }

        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (WrittenValues.TryDate(text, out var parsed) && parsed >= Earliest && parsed <= Latest)
        {
            return parsed;
        }

        Problem(column, $"\"{text}\" is not a date; use YYYY-MM-DD or DD/MM/YYYY");
        return null;
    }

    public DateOnly RequiredDate(string column) => Date(column, required: true) ?? default;

    public T? Choice<T>(string column, bool required = false)
        where T : struct, Enum
    {
        var text = Text(column, required);
        if (text is null)
        {
            return null;
        }

        if (WrittenValues.Choice<T>(text) is { } chosen)
        {
            return chosen;
        }

        Problem(column, $"\"{text}\" is not {Article(Words(column))}; use {OneOf(Enum.GetNames<T>())}");
        return null;
    }

    public T RequiredChoice<T>(string column)
        where T : struct, Enum => Choice<T>(column, required: true) ?? default;

    public bool? YesNo(string column, bool required = false)
    {
        var cell = Cell(column);
        if (cell is { Kind: CellKind.Boolean, Boolean: { } flag })
        {
            return flag;
        }

        var text = Text(column, required);
        switch (text?.ToUpperInvariant())
        {
            case null:
                return null;
            case "Y" or "YES" or "TRUE":
                return true;
            case "N" or "NO" or "FALSE":
                return false;
            default:
                Problem(column, $"\"{text}\" is not yes or no; use Y, N, Yes, No, TRUE or FALSE");
                return null;
        }
    }

    public bool RequiredYesNo(string column) => YesNo(column, required: true) ?? false;

    public double? Number(string column, bool required = false, double min = 0, double max = double.MaxValue)
    {
        var cell = Cell(column);
        double? value = cell is { Kind: CellKind.Number, Number: { } number } ? number : null;
        if (value is null)
        {
            var text = Text(column, required);
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                Problem(column, $"\"{text}\" is not a number");
                return null;
            }

            value = parsed;
        }

        if (value < min || value > max)
        {
            Problem(column, max == double.MaxValue
                ? $"{value.Value.ToString(CultureInfo.InvariantCulture)} is below {min.ToString(CultureInfo.InvariantCulture)}"
                : $"{value.Value.ToString(CultureInfo.InvariantCulture)} is not between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    public int? Count(string column, bool required = false)
    {
        var value = Number(column, required);
        if (value is { } number && number != Math.Floor(number))
        {
            Problem(column, $"{number.ToString(CultureInfo.InvariantCulture)} is not a whole number");
            return null;
        }

        return value is null ? null : (int)value.Value;
    }

    public int RequiredCount(string column) => Count(column, required: true) ?? 0;

    public string? EvidenceRefs(string column)
    {
        var text = Text(column);
        foreach (var problem in EvidenceReference.ParseList(text).Problems)
        {
            Problem(column, problem);
        }

        return text;
    }

    public string Options<T>()
        where T : struct, Enum => OneOf(Enum.GetNames<T>());

    /// <summary>"Severity" reads as "severity", "NotificationType" as "notification type".</summary>
    internal static string Words(string column) => CamelHumps().Replace(column, " $1").Trim().ToLowerInvariant();

    internal static string OneOf(IReadOnlyList<string> options) =>
        options.Count == 1 ? options[0] : string.Join(", ", options.Take(options.Count - 1)) + " or " + options[^1];

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private SheetCell? Cell(string column) => _layout.ColumnOf(column) is { } index ? _row.At(index) : null;

    private DateOnly? FromSerial(double serial)
    {
        // Excel's serials count days from 1900 (or 1904 on old Macs); the fraction is the time of day.
        var days = serial + (_date1904 ? 1462 : 0);
        if (days < 1 || days > 2_958_465)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(days)));
        return day >= Earliest && day <= Latest ? day : null;
    }

    [GeneratedRegex("(?<!^)([A-Z][a-z]|(?<=[a-z])[A-Z])")]
    private static partial Regex CamelHumps();
}
