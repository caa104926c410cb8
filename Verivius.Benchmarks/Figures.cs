using System.Globalization;

namespace Verivius.Benchmarks;

/// <summary>How every benchmark prints its runs: in order, then the median, p95, min and max.</summary>
internal static class Figures
{
    public static void Report(string what, List<double> samples)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  runs in order: {string.Join(" ", samples.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))}"));
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} median {Median(samples),8:F1}   p95 {P95(samples),8:F1}   min {samples[0],8:F1}   max {samples[^1],8:F1}"));
    }

    /// <summary>The median of samples <see cref="Report"/> has sorted.</summary>
    public static double Median(List<double> sorted) => At(sorted, 0.5);

    /// <summary>The 95th percentile of samples <see cref="Report"/> has sorted.</summary>
    public static double P95(List<double> sorted) => At(sorted, 0.95);

    private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
