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
        where T : struct, Enum =>
        Choices<T>.ByName.TryGetValue(text.Replace(" ", "", StringComparison.Ordinal), out var chosen) ? chosen : null;

    /// <summary>A choice's values by name, worked out once: a pack's rows name thousands of choices.</summary>
    private static class Choices<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName = Enum.GetNames<T>().ToDictionary(name => name, Enum.Parse<T>, StringComparer.OrdinalIgnoreCase);
    }
}
