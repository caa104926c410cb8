using System.Globalization;

namespace Verivius.Benchmarks;

/// <summary>How every benchmark prints its runs: in order, then the median, p95, min and max.</summary>
internal static class Figures
{
    public static void Report(string what, List<double> samples)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  runs in order: {string.Join(" ", samples.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))}"));
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} median {At(0.5),8:F1}   p95 {At(0.95),8:F1}   min {samples[0],8:F1}   max {samples[^1],8:F1}"));
    }
}
