using Verivius.Infrastructure.Charts;

namespace Verivius.Tests.Infrastructure;

/// <summary>A chart shows its data's shape, fits whatever holds it, and says so when it has nothing to show.</summary>
public class TrendChartTests
{
    [Fact]
    public void ARateRisingFrom9Point5To18Percent_FillsMostOfItsAxis()
    {
        var (low, high) = TrendChart.PercentAxis([9.5, 11, 12.5, 18]);

        Assert.True(low <= 9.5 && high >= 18, $"{low}–{high}");
        Assert.True((18 - 9.5) / (high - low) >= 0.4, $"the rise fills {(18 - 9.5) / (high - low):P0} of a {low}–{high} axis");
    }

    [Theory]
    [InlineData(new[] { 95.0, 99.0 }, 90, 100)]
    [InlineData(new[] { 100.0, 100.0 }, 90, 100)]
    [InlineData(new[] { 0.0, 1.0 }, 0, 10)]
    [InlineData(new double[0], 0, 100)]
    public void TheAxisStaysWithin0To100_AndIsAtLeastTenPointsTall(double[] values, double low, double high) =>
        Assert.Equal((low, high), TrendChart.PercentAxis(values));

    [Fact]
    public void TheSvg_ScalesToItsContainer_AndAChartWithNoData_SaysSo()
    {
        var empty = TrendChart.Svg("Unfilled shifts", "Nothing yet.", [new("Oct 26", null), new("Nov 26", null)], isPercent: true);
        var drawn = TrendChart.Svg("Unfilled shifts", "Some.", [new("Oct 26", 9.5), new("Nov 26", 18)], isPercent: true);

        Assert.Contains("No data for these months", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("No data for these months", drawn, StringComparison.Ordinal);
        var tag = drawn[..drawn.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains("width=\"100%\"", tag, StringComparison.Ordinal);
        Assert.Contains("viewBox=", tag, StringComparison.Ordinal);
        Assert.DoesNotContain($"height=\"{TrendChart.Height}\"", tag, StringComparison.Ordinal);
    }
}
