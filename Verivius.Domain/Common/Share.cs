namespace Verivius.Domain.Common;

/// <summary>A part of a whole, as a measure counts it: shifts unfilled of those planned, actions closed on time of those due.</summary>
public readonly record struct Share(double Part, double Whole)
{
    public static Share operator +(Share a, Share b) => new(a.Part + b.Part, a.Whole + b.Whole);

    public static Share Add(Share a, Share b) => a + b;

    /// <summary>The share as a percentage; none when the whole is nothing, so nothing measured never reads as 0% or 100%.</summary>
    public double? Percent => Whole > 0 ? 100.0 * Part / Whole : null;

    /// <summary>The percentage as pages and documents put it: "12%", or "—" when nothing was measured.</summary>
    public string Described => BritishNumbers.Percent(Part, Whole);

    /// <summary>"3 of 40 shifts (8%)", or that there were none of the <paramref name="things"/> to measure.</summary>
    public string Counted(string things) => Whole > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Part:#,0.#} of {Whole:#,0.#} {things} ({Described})")
        : $"no {things} to measure";
}
