using Verivius.Domain.Packs;

namespace Verivius.Tests.Domain;

public class PackPeriodNextOwedTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void TheNextMonthOwed_IsTheOldestOwedMonthWithNoPack()
    {
        var received = new HashSet<DateOnly> { new(2026, 8, 1), new(2026, 10, 1) };

        Assert.Equal(new PackPeriod(2026, 9), PackPeriod.NextOwed(new DateOnly(2026, 8, 1), received, Today));
    }

    [Fact]
    public void WithEveryCompleteMonthReceived_ItIsTheMonthUnderWay_AndASiteNotYetReportingOwesThisMonth()
    {
        var received = new HashSet<DateOnly> { new(2026, 10, 1), new(2026, 11, 1) };

        Assert.Equal(new PackPeriod(2026, 12), PackPeriod.NextOwed(new DateOnly(2026, 10, 1), received, Today));
        Assert.Equal(new PackPeriod(2026, 12), PackPeriod.NextOwed(new DateOnly(2027, 3, 1), new HashSet<DateOnly>(), Today));
    }
}
