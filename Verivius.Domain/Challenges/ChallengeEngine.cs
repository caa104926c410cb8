using Verivius.Domain.Frameworks;

namespace Verivius.Domain.Challenges;

/// <summary>
/// Applies every rule of <c>challenge-rules.md</c> to one site's records as of one day. Pure: the same
/// evidence, provider picture, register and day give the same findings, in the same order.
/// </summary>
public static class ChallengeEngine
{
    public static IReadOnlyList<ChallengeFinding> Evaluate(
        SiteEvidence site,
        DateOnly asOf,
        ChallengeThresholds? thresholds = null,
        ProviderPicture? provider = null,
        IReadOnlyList<ChallengeState>? register = null,
        WorkingDays? workingDays = null,
        IReadOnlyList<LineOfEnquiryEvidence>? linesOfEnquiry = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        var context = new RuleContext(site, thresholds ?? ChallengeThresholds.Defaults, asOf, workingDays ?? WorkingDays.EnglandAndWales);
        register ??= [];
        var findings = RolledUpFindings.PerSite(
            EvidenceTrailRules.All(context)
                .Concat(AssuranceRules.All(context))
                .Concat(ProviderRules.All(context, provider ?? ProviderPicture.Alone)),
            context.Thresholds)
            .ToList();

        // A person's High challenge counts as much as a rule's towards overconfidence.
        var highByHand = register.Count(r => r.Code == ChallengeCodes.Manual && r.Severity == ChallengeSeverity.High && r.Status.IsActive());
        findings.AddRange(linesOfEnquiry is { Count: > 0 }
            ? AssuranceRules.Overconfident(context, linesOfEnquiry, findings, highByHand)
            : AssuranceRules.Overconfident(context, findings.Count(f => f.Severity == ChallengeSeverity.High) + highByHand));
        var standing = findings.Select(f => (f.Code, f.Key)).ToHashSet();
        findings.AddRange(ProviderRules.Unanswered(context, register, standing));
        return [.. findings.OrderBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal)];
    }
}
