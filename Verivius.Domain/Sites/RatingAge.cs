using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Sites;

/// <summary>
/// How old a published CQC rating is. CQC's 2026 scheduling puts services whose rating is more than six
/// years old first in line for inspection, beside those never rated, so a provider sees which of its
/// ratings that is.
/// </summary>
public static class RatingAge
{
    public const int StaleYears = 6;

    /// <summary>Whether the rating is more than six years old today.</summary>
    public static bool IsStale(DateOnly publishedOn, DateOnly today) => publishedOn.AddYears(StaleYears) < today;

    /// <summary>"3 years 2 months", "5 months", "less than a month": whole months since it was published.</summary>
    public static string InWords(DateOnly publishedOn, DateOnly today)
    {
        var months = ((today.Year - publishedOn.Year) * 12) + today.Month - publishedOn.Month - (today.Day < publishedOn.Day ? 1 : 0);
        if (months < 1)
        {
            return "less than a month";
        }

        var (years, rest) = (months / 12, months % 12);
        var parts = new List<string>();
        if (years > 0)
        {
            parts.Add(years == 1 ? "1 year" : $"{years} years");
        }

        if (rest > 0)
        {
            parts.Add(rest == 1 ? "1 month" : $"{rest} months");
        }

        return string.Join(" ", parts);
    }

    /// <summary>
    /// The rating as a board reads it: "Requires improvement, Well-led: Good (published 3 March 2025,
    /// 1 year 9 months ago)", with "over six years old" when it is; or that none is recorded.
    /// </summary>
    public static string Describe(QualityRating? overall, QualityRating? wellLed, DateOnly? publishedOn, DateOnly today)
    {
        if (overall is not { } rating || publishedOn is not { } published)
        {
            return "Not recorded";
        }

        var keyQuestion = wellLed is { } led ? $", Well-led: {PlainWords.Of(led)}" : "";
        var stale = IsStale(published, today) ? ": over six years old" : "";
        return $"{PlainWords.Of(rating)}{keyQuestion} (published {published.ToBritishDate()}, {InWords(published, today)} ago{stale})";
    }
}
