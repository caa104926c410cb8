namespace Verivius.Domain.Common;

/// <summary>How pages and documents put a share of a whole: a whole of nothing has no percentage, so it reads "—", never 0% or 100%.</summary>
public static class BritishNumbers
{
    public static string Percent(double part, double whole) => whole == 0 ? "—" : $"{Math.Round(100.0 * part / whole)}%";
}
