using System.Globalization;
using Verivius.Domain.Evidence;
using static Verivius.Domain.Challenges.RuleContext;

namespace Verivius.Domain.Challenges;

/// <summary>Section C of the catalogue: what the nominated individual sees across sites and over time.</summary>
internal static class ProviderRules
{
    public static IEnumerable<ChallengeFinding> All(RuleContext c, ProviderPicture provider) => SystemicRisk(c, provider).Concat(PackMissing(c));

    private static IEnumerable<ChallengeFinding> SystemicRisk(RuleContext c, ProviderPicture provider)
    {
        var open = c.Risks.Where(r => r.Details.Trend != RiskTrend.Resolved).GroupBy(r => r.Details.Area).OrderBy(g => g.Key);
        foreach (var area in open)
        {
            var sites = provider.SitesAt(area.Key);
            if (sites >= c.Thresholds.SystemicRiskSites)
            {
                yield return new(
                    ChallengeCodes.ProvSystemicRisk, area.Key.ToString(), ChallengeSeverity.Medium,
                    [.. area.Select(r => new SubjectRef(RecordKind.Recovery, r.Ref))],
                    $"{area.Key} is an open recovery risk at {sites} sites of the provider, this one included; {c.Thresholds.SystemicRiskSites} or more make it a systemic risk.");
            }
        }
    }

    private static IEnumerable<ChallengeFinding> PackMissing(RuleContext c)
    {
        if (c.ReportingFrom is not { } from)
        {
            yield break;
        }

        var days = c.Thresholds.PackMissingDays;
        var held = c.PackPeriods.ToHashSet();
        for (var month = from; c.DaysSince(month.AddMonths(1).AddDays(-1)) > days; month = month.AddMonths(1))
        {
            if (!held.Contains(month))
            {
                var due = month.AddMonths(1).AddDays(-1 + days);
                yield return new(
                    ChallengeCodes.ProvPackMissing, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ChallengeSeverity.High, [],
                    $"No pack has been uploaded for {Month(month)}; it was due by {Day(due)}.", due);
            }
        }
    }

    /// <summary>
    /// A challenge the site has not answered for longer than allowed. Only challenges that still stand
    /// count: a rule's challenge that this run no longer finds is about to close, not to be chased.
    /// </summary>
    public static IEnumerable<ChallengeFinding> Unanswered(RuleContext c, IReadOnlyList<ChallengeState> register, IReadOnlySet<(string Code, string Key)> standing)
    {
        var days = c.Thresholds.UnansweredDays;
        foreach (var challenge in register.Where(r => r.Status == ChallengeStatus.Open && r.Code != ChallengeCodes.ProvChallengeUnanswered))
        {
            var stands = challenge.Code == ChallengeCodes.Manual || standing.Contains((challenge.Code, challenge.Key));
            if (stands && c.DaysSince(challenge.OpenedOn) > days)
            {
                var about = challenge.Subjects.Count switch
                {
                    0 => "",
                    1 => $" on {RecordCatalogue.Of(challenge.Subjects[0].Kind).Singular.ToLowerInvariant()} {challenge.Subjects[0].Ref}",
                    var n => $" on {n} records",
                };
                yield return new(
                    ChallengeCodes.ProvChallengeUnanswered, $"{challenge.Code}|{challenge.Key}", ChallengeSeverity.Medium, challenge.Subjects,
                    $"The challenge \"{ChallengeCatalogue.Of(challenge.Code).Title}\" ({challenge.Code}){about} has been open since {Day(challenge.OpenedOn)} with no response from the site, more than {days} days.");
            }
        }
    }
}
