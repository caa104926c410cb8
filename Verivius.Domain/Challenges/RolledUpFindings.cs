namespace Verivius.Domain.Challenges;

/// <summary>
/// The volume rules of catalogue v2 raise one challenge per site and code, whose subjects are every record
/// the finding applies to. The rules still judge record by record; this folds their findings together,
/// so that sixty overdue actions are one challenge a manager can answer, not sixty that bury the rest.
/// </summary>
public static class RolledUpFindings
{
    /// <summary>The key of a rolled-up challenge: there is one per site and code.</summary>
    public const string SiteKey = "site";

    /// <summary>How each volume rule counts its records, in a sentence that begins with the number.</summary>
    private static readonly Dictionary<string, Func<int, ChallengeThresholds, string>> Counted = new(StringComparer.Ordinal)
    {
        [ChallengeCodes.ActClosedNoDetail] = (n, _) => $"{n} actions were closed without an outcome or closure evidence",
        [ChallengeCodes.ActOverdue] = (n, t) => $"{n} open actions are more than {t.ActionOverdueDays} days past their due date",
        [ChallengeCodes.ActNoOwner] = (n, _) => $"{n} open actions have no owner or no due date",
        [ChallengeCodes.TrnOverdueNoPlan] = (n, _) => $"{n} expired or missing mandatory courses have no planned date",
        [ChallengeCodes.SupOverdue] = (n, _) => $"{n} staff are overdue for supervision or appraisal",
        [ChallengeCodes.CmpLearningNotInCarePlan] = (n, t) => $"The learning from {n} complaints did not reach the care plan within {t.CarePlanUpdateDays} days",
        [ChallengeCodes.RecReviewOverdue] = (n, t) => $"{n} recovery risks are more than {t.RiskReviewOverdueDays} days past their review date",
        [ChallengeCodes.FbkNotActed] = (n, t) => $"{n} pieces of negative feedback had no \"we did\" response within {t.FeedbackResponseDays} days",
    };

    public static IReadOnlyCollection<string> Codes => Counted.Keys;

    public static bool RollsUp(string code) => Counted.ContainsKey(code);

    /// <summary>
    /// Replaces the per-record findings of each volume rule by one finding for the site: its subjects are
    /// every record, oldest first; its severity the worst of theirs; it has held since its oldest record's
    /// condition did; and it names the count and the oldest.
    /// </summary>
    public static IEnumerable<ChallengeFinding> PerSite(IEnumerable<ChallengeFinding> findings, ChallengeThresholds thresholds)
    {
        foreach (var group in findings.GroupBy(f => RollsUp(f.Code) ? f.Code : null))
        {
            if (group.Key is null)
            {
                foreach (var single in group)
                {
                    yield return single;
                }

                continue;
            }

            // Records whose condition has no date of its own (a course never done) sort after the dated ones.
            var records = group.OrderBy(f => f.Since ?? DateOnly.MaxValue).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
            var oldest = records[0];
            var first = oldest.Since is null ? "For example" : "The oldest";
            var finding = records.Count == 1 ? oldest.Finding : $"{Counted[group.Key](records.Count, thresholds)}. {first}: {oldest.Finding}";
            yield return new ChallengeFinding(
                group.Key,
                SiteKey,
                records.Min(f => f.Severity),
                [.. records.SelectMany(f => f.Subjects).Distinct()],
                finding,
                oldest.Since);
        }
    }
}
