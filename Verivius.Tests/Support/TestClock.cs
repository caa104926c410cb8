using System.Globalization;

namespace Verivius.Tests.Support;

/// <summary>
/// The portal's clock in the tests: real time moved to the day the tests take as today. That is the
/// real date unless <c>VERIVIUS_TEST_TODAY</c> (yyyy-MM-dd) names another, which is how test.sh runs
/// the date-sensitive tests at a month end, the day after a bank holiday and 29 February 2028.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public const string TodayVariable = "VERIVIUS_TEST_TODAY";

    /// <summary>Marks a test class whose assertions depend on what day it is, so test.sh runs it on other days too.</summary>
    public const string DateSensitive = "DateSensitive";

    private static readonly TimeSpan Shift = ShiftToToday();

    private TestClock()
    {
    }

    public static TestClock Instance { get; } = new();

    public static DateOnly Today => DateOnly.FromDateTime(Instance.GetUtcNow().UtcDateTime);

    /// <summary>The first day of the last complete month.</summary>
    public static DateOnly LastMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    private static TimeSpan ShiftToToday()
    {
        var asked = Environment.GetEnvironmentVariable(TodayVariable);
        if (string.IsNullOrWhiteSpace(asked))
        {
            return TimeSpan.Zero;
        }

        var today = DateOnly.ParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var realToday = DateOnly.FromDateTime(System.GetUtcNow().UtcDateTime);
        return TimeSpan.FromDays(today.DayNumber - realToday.DayNumber);
    }
}
