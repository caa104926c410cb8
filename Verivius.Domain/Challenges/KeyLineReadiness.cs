using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;

namespace Verivius.Domain.Challenges;

/// <summary>A key line of enquiry and the record kinds that evidence it for this provider (its own choice, else the framework's).</summary>
public sealed record LineOfEnquiryEvidence(FrameworkItem Item, IReadOnlySet<RecordKind> RecordKinds)
{
    public string KeyQuestion => Item.KeyQuestion ?? "";
}

/// <summary>How many records of one kind a site holds from the last twelve months, and the newest date.</summary>
public sealed record KindCoverage(RecordKind Kind, int Count, DateOnly? Newest);

/// <summary>An open challenge at a site, as readiness reads it beside the line of enquiry its code bears on.</summary>
public sealed record OpenChallenge(string Code, ChallengeSeverity Severity, string Summary);

/// <summary>One key line of enquiry at one site: its evidence by record kind, the open challenges that bear on it, and any self-rating of it.</summary>
public sealed record LineOfEnquiryReadiness(LineOfEnquiryEvidence Line, IReadOnlyList<KindCoverage> Evidence, IReadOnlyList<OpenChallenge> Challenges, QualityRating? SelfAssessed)
{
    /// <summary>Whether any of Verivius's record kinds evidence the line at all (some lines lie outside what a monthly pack holds).</summary>
    public bool Evidenced => Line.RecordKinds.Count > 0;

    /// <summary>
    /// Thin: the line is evidenced by record kinds Verivius holds, yet at most one of those kinds has a
    /// record in the last twelve months, so the evidence cannot be triangulated.
    /// </summary>
    public bool Thin => Evidenced && Evidence.Count(e => e.Count > 0) <= 1;

    public IReadOnlyList<OpenChallenge> HighChallenges => [.. Challenges.Where(c => c.Severity == ChallengeSeverity.High)];
}

/// <summary>One key question's lines of enquiry at a site, the leaders' own rating of the key question, and why that rating runs ahead of the evidence, if it does.</summary>
public sealed record KeyQuestionReadiness(string KeyQuestion, IReadOnlyList<LineOfEnquiryReadiness> Lines, QualityRating? SelfAssessed)
{
    public IReadOnlyList<string> WhyAhead => KeyLineReadiness.WhyAhead(SelfAssessed, Lines);

    public bool RunsAhead => WhyAhead.Count > 0;
}

/// <summary>
/// Readiness under a framework of key lines of enquiry (CQC's 2026 draft): per line, the site's records of
/// the last twelve months by kind and the open challenges whose codes bear on it, grouped by key question.
/// CQC rates each key question as a judgement in the round, so this shows evidence, never a rating.
/// </summary>
public static class KeyLineReadiness
{
    public static IReadOnlyList<KeyQuestionReadiness> Of(SiteEvidence site, DateOnly asOf, IReadOnlyList<LineOfEnquiryEvidence> lines, IReadOnlyList<OpenChallenge> open)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(open);
        var context = new RuleContext(site, ChallengeThresholds.Defaults, asOf, WorkingDays.EnglandAndWales);
        var yearAgo = asOf.AddMonths(-12);
        var rows = lines.Select(line =>
        {
            var evidence = line.RecordKinds.Order()
                .Select(kind =>
                {
                    var dates = context.EvidenceOfKinds(new HashSet<RecordKind> { kind }).Select(e => e.EvidenceDate).Where(d => d <= asOf && d > yearAgo).ToList();
                    return new KindCoverage(kind, dates.Count, dates.Count == 0 ? null : dates.Max());
                })
                .ToList();
            var bearing = open.Where(c => line.Item.BearingCodes.Contains(c.Code)).OrderBy(c => c.Severity).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
            return new LineOfEnquiryReadiness(line, evidence, bearing, SelfRating(site, line.Item.Code, line.Item.Title));
        }).ToList();
        return [.. rows.GroupBy(r => r.Line.KeyQuestion, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyQuestionReadiness(g.Key, [.. g], SelfRating(site, g.Key)))];
    }

    /// <summary>
    /// Why a Good or Outstanding self-rating runs ahead of the lines beneath it: the High challenges open on
    /// them, and the lines whose evidence is thin, each named. None for a lower rating or none given.
    /// </summary>
    public static IReadOnlyList<string> WhyAhead(QualityRating? claimed, IReadOnlyList<LineOfEnquiryReadiness> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (claimed is not (QualityRating.Good or QualityRating.Outstanding))
        {
            return [];
        }

        var reasons = new List<string>();
        var high = lines.Where(l => l.HighChallenges.Count > 0).ToList();
        if (high.Count > 0)
        {
            reasons.Add("High challenges are open on " + RuleContext.Listed([.. high.Select(l =>
                $"{l.Line.Item.Title} ({string.Join(", ", l.HighChallenges.Select(c => c.Code).Distinct())})")]));
        }

        var thin = lines.Where(l => l.Thin).ToList();
        if (thin.Count > 0)
        {
            reasons.Add(RuleContext.Listed([.. thin.Select(l => l.Line.Item.Title)]) + (thin.Count == 1 ? " has" : " have")
                + " records of at most one of the kinds that evidence " + (thin.Count == 1 ? "it" : "them") + " in the last 12 months");
        }

        return reasons;
    }

    /// <summary>For each set of record kinds, how many of the site's records of those kinds fall in the twelve months to the day: one item's evidence, counted the same way under any version.</summary>
    public static IReadOnlyList<int> RecordCounts(SiteEvidence site, DateOnly asOf, IReadOnlyList<IReadOnlySet<RecordKind>> kindSets)
    {
        ArgumentNullException.ThrowIfNull(kindSets);
        var context = new RuleContext(site, ChallengeThresholds.Defaults, asOf, WorkingDays.EnglandAndWales);
        var yearAgo = asOf.AddMonths(-12);
        return [.. kindSets.Select(kinds => context.EvidenceOfKinds(kinds).Count(e => e.EvidenceDate <= asOf && e.EvidenceDate > yearAgo))];
    }

    /// <summary>The leaders' own rating of a key question or line of enquiry, from the self-assessment that names it by code or title.</summary>
    private static QualityRating? SelfRating(SiteEvidence site, params string[] names) =>
        site.SelfAssessments.FirstOrDefault(s => names.Any(n => string.Equals(s.Details.QualityStatement.Trim(), n, StringComparison.OrdinalIgnoreCase)))?.Details.Rating;
}
