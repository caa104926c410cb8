using System.Globalization;

namespace Verivius.Domain.Common;

/// <summary>
/// Values as people write them in a workbook or a CSV file: dates in the two forms a provider's
/// spreadsheets use, and choices by their name with or without spaces ("Requires improvement").
/// </summary>
public static class WrittenValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The choice the text names, ignoring case and spaces; null when it names none (a number never does).</summary>
    public static T? Choice<T>(string text)
        where T : struct, Enum
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        var match = Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, compact, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : Enum.Parse<T>(match);
    }
}
