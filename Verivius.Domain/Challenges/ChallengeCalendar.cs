using System.Security.Cryptography;
using System.Text;

namespace Verivius.Domain.Challenges;

/// <summary>
/// How long a site's findings stand while its records do not change. The rules read the day in many ways
/// (deadlines in days and working days, twelve-month windows, records dated ahead); rather than keep a
/// second copy of each, the same rules are asked about the days ahead, so the answer cannot drift from them.
/// </summary>
public static class ChallengeCalendar
{
    /// <summary>
    /// The days looked ahead at each judgement: a site whose findings do not change is judged again after
    /// four weeks at the latest, for the cost of four weeks of rules over records already read.
    /// </summary>
    public const int DaysLookedAhead = 28;

    /// <summary>
    /// The first day after <paramref name="asOf"/> on which <paramref name="findingsOn"/> gives findings other than
    /// <paramref name="standing"/>; the day after the last day looked ahead when none does.
    /// </summary>
    public static DateOnly StandsUntil(IReadOnlyList<ChallengeFinding> standing, DateOnly asOf, Func<DateOnly, IReadOnlyList<ChallengeFinding>> findingsOn)
    {
        ArgumentNullException.ThrowIfNull(findingsOn);
        for (var day = asOf.AddDays(1); day <= asOf.AddDays(DaysLookedAhead); day = day.AddDays(1))
        {
            if (!Same(standing, findingsOn(day)))
            {
                return day;
            }
        }

        return asOf.AddDays(DaysLookedAhead + 1);
    }

    /// <summary>True when two runs' findings would leave the register as it is: the same challenges, worded, graded, dated and about the same records.</summary>
    public static bool Same(IReadOnlyList<ChallengeFinding> one, IReadOnlyList<ChallengeFinding> other)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);
        return one.Count == other.Count && one.Zip(other).All(pair =>
            pair.First.Code == pair.Second.Code && pair.First.Key == pair.Second.Key && pair.First.Severity == pair.Second.Severity
            && pair.First.Finding == pair.Second.Finding && pair.First.Since == pair.Second.Since && pair.First.Subjects.SequenceEqual(pair.Second.Subjects));
    }

    /// <summary>
    /// A fingerprint of what a provider gives each of its sites' judgements — its thresholds, how many of its
    /// sites have an open risk in each area, and the framework it works to — so that a change to any of them
    /// has its sites judged again.
    /// </summary>
    public static string ProviderContext(ChallengeThresholds thresholds, ProviderPicture picture, string framework)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var text = new StringBuilder().Append(thresholds).Append('|').Append(framework);
        foreach (var (area, sites) in picture.SitesWithOpenRisk.OrderBy(p => p.Key))
        {
            text.Append('|').Append(area).Append('=').Append(sites);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
