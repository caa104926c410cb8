using System.Globalization;

namespace Verivius.Domain.Packs;

/// <summary>A calendar month that a pack reports on, written <c>YYYY-MM</c>.</summary>
public readonly record struct PackPeriod(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static PackPeriod Of(DateOnly day) => new(day.Year, day.Month);

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
