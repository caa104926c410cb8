using System.Globalization;

namespace Verivius.Domain.Common;

/// <summary>
/// How every page, document, message and finding writes a date: British English, the month in
/// words ("5 November 2026", "November 2026", "5 Nov 2026", "5 Nov 2026 14:30"), in one place.
/// </summary>
public static class BritishDates
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>5 November 2026.</summary>
    public static string ToBritishDate(this DateOnly day) => day.ToString("d MMMM yyyy", British);

    /// <summary>5 November 2026, in the instant's own offset.</summary>
    public static string ToBritishDate(this DateTimeOffset at) => at.ToString("d MMMM yyyy", British);

    /// <summary>November 2026.</summary>
    public static string ToBritishMonth(this DateOnly month) => month.ToString("MMMM yyyy", British);

    /// <summary>5 Nov 2026, where a table is narrow.</summary>
    public static string ToShortBritishDate(this DateOnly day) => day.ToString("d MMM yyyy", British);

    /// <summary>5 Nov 2026, where a table is narrow.</summary>
    public static string ToShortBritishDate(this DateTimeOffset at) => at.ToString("d MMM yyyy", British);

    /// <summary>Nov 2026.</summary>
    public static string ToShortBritishMonth(this DateOnly month) => month.ToString("MMM yyyy", British);

    /// <summary>Nov 26, under a chart's bars or a table's narrow columns.</summary>
    public static string ToChartMonth(this DateOnly month) => month.ToString("MMM yy", British);

    /// <summary>5 Nov 2026 14:30.</summary>
    public static string ToBritishTime(this DateTimeOffset at) => at.ToString("d MMM yyyy HH:mm", British);

    /// <summary>5 November 2026 14:30.</summary>
    public static string ToLongBritishTime(this DateTimeOffset at) => at.ToString("d MMMM yyyy HH:mm", British);

    /// <summary>5 Nov 2026 14:30:07, where entries a second apart must be told apart.</summary>
    public static string ToBritishTimeToTheSecond(this DateTimeOffset at) => at.ToString("d MMM yyyy HH:mm:ss", British);

    /// <summary>Thursday 5 November 2026, 14:30: when something will happen.</summary>
    public static string ToBritishDayAndTime(this DateTimeOffset at) => at.ToString("dddd d MMMM yyyy, HH:mm", British);
}
