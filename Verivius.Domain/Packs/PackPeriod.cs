using System.Globalization;

namespace Verivius.Domain.Packs;

/// <summary>A calendar month that a pack reports on, written <c>YYYY-MM</c>.</summary>
public readonly record struct PackPeriod(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static PackPeriod Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The first day of the last month complete by <paramref name="today"/>.</summary>
    public static DateOnly LastComplete(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>The first day of the month a page shows: the one asked for if it is complete by today, otherwise the last complete month.</summary>
    public static DateOnly AskedOrLastComplete(string? asked, DateOnly today) =>
        TryParse(asked, out var period) && period.FirstDay <= LastComplete(today) ? period.FirstDay : LastComplete(today);

    /// <summary>
    /// The month a site owes its next pack for: the oldest month from its reporting month to the last
    /// complete one that has no pack, or, with all of them received, the month now under way.
    /// </summary>
    public static PackPeriod NextOwed(DateOnly reportingFrom, IReadOnlySet<DateOnly> received, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(received);
        var month = new DateOnly(reportingFrom.Year, reportingFrom.Month, 1);
        while (month <= LastComplete(today) && received.Contains(month))
        {
            month = month.AddMonths(1);
        }

        return Of(month <= today ? month : today);
    }

    public static bool TryParse(string? text, out PackPeriod period)
    {
        period = default;
        if (DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            period = Of(first);
            return true;
        }

        return false;
    }

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
