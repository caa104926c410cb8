using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using static Verivius.Domain.Challenges.RuleContext;

namespace Verivius.Domain.Challenges;

/// <summary>Section B of the catalogue: assurance, by leaders, that the site's own evidence does not support.</summary>
internal static class AssuranceRules
{
    public static IEnumerable<ChallengeFinding> All(RuleContext c) =>
        NoEvidence(c).Concat(SingleSource(c)).Concat(Contradicted(c)).Concat(HeadlineMasksTheme(c)).Concat(LearningNotInCarePlan(c))
            .Concat(MissedCareUnlinked(c)).Concat(RiskIncomplete(c)).Concat(ReviewOverdue(c)).Concat(FeedbackNotActed(c));

    /// <summary>The statements rated Green and the risks said to be improving or resolved: the claims that need current evidence.</summary>
    private static IEnumerable<(RecordKind Kind, Guid Id, string Ref, string Claim)> Claims(RuleContext c) =>
        c.Assurance.Where(a => a.Details.Rating == RagRating.Green)
            .Select(a => (RecordKind.Assurance, a.Id, a.Ref, $"Statement {a.Ref} ({Quoted(a.Details.Statement)}) is rated Green"))
            .Concat(c.Risks.Where(r => r.Details.Trend is RiskTrend.Improving or RiskTrend.Resolved)
                .Select(r => (RecordKind.Recovery, r.Id, r.Ref, $"Risk {r.Ref} ({Quoted(r.Details.Risk)}) is marked {r.Details.Trend.ToString().ToLowerInvariant()}")));

    private static List<(RecordLink Link, IEvidence Evidence)> Current(RuleContext c, RecordKind kind, Guid id) =>
        [.. c.CitedEvidence(kind, id).Where(e => c.DaysSince(e.Evidence.EvidenceDate) <= c.Thresholds.EvidenceCurrentDays)];

    private static IEnumerable<ChallengeFinding> NoEvidence(RuleContext c)
    {
        foreach (var (kind, id, reference, claim) in Claims(c))
        {
            if (Current(c, kind, id).Count > 0)
            {
                continue;
            }

            var cited = c.CitedEvidence(kind, id);
            var finding = cited.Count == 0
                ? $"{claim} but cites no dated evidence."
                : $"{claim}, but the newest evidence it cites is from {Day(cited.Max(e => e.Evidence.EvidenceDate))}, more than {c.Thresholds.EvidenceCurrentDays} days old.";
            yield return new(
                ChallengeCodes.AssurNoEvidence, $"{kind}:{reference}", ChallengeSeverity.High,
                [new(kind, reference), .. cited.Select(e => c.RefOf(e.Link)).OrderBy(s => s.ToString(), StringComparer.Ordinal)],
                finding,
                cited.Count == 0 ? null : cited.Max(e => e.Evidence.EvidenceDate).AddDays(c.Thresholds.EvidenceCurrentDays));
        }
    }

    private static IEnumerable<ChallengeFinding> SingleSource(RuleContext c)
    {
        foreach (var statement in c.Assurance.Where(a => a.Details.Rating == RagRating.Green))
        {
            var current = Current(c, RecordKind.Assurance, statement.Id);
            var categories = current.Select(e => e.Evidence.Category).Distinct().ToList();
            if (categories.Count == 1)
            {
                yield return new(
                    ChallengeCodes.AssurSingleSource, $"Assurance:{statement.Ref}", ChallengeSeverity.Medium,
                    [new(RecordKind.Assurance, statement.Ref), .. current.Select(e => c.RefOf(e.Link)).OrderBy(s => s.ToString(), StringComparer.Ordinal)],
                    $"Statement {statement.Ref} ({Quoted(statement.Details.Statement)}) is rated Green on {Plural(current.Count, "current record", "current records")}, all {CategoryName(categories[0])}, with nothing from the other five evidence categories.");
            }
        }
    }

    private static IEnumerable<ChallengeFinding> Contradicted(RuleContext c)
    {
        var period = c.CurrentPeriod;
        foreach (var statement in c.Assurance.Where(a => a.Details.Rating == RagRating.Green))
        {
            var subject = new SubjectRef(RecordKind.Assurance, statement.Ref);
            if (statement.Details.Area == AssuranceArea.Staffing && StaffingWorsened(c, period) is { Count: > 0 } worse)
            {
                yield return new(
                    ChallengeCodes.AssurContradicted, $"Assurance:{statement.Ref}", ChallengeSeverity.High,
                    [subject, .. StaffingMonth.Of(c, period).Weeks],
                    $"Statement {statement.Ref} rates staffing Green, but in {Month(period)} {Listed(worse)}.");
            }
            else if (statement.Details.Area == AssuranceArea.Documentation)
            {
                var failed = c.Audits
                    .Where(a => a.Details.HeldOn.Year == period.Year && a.Details.HeldOn.Month == period.Month)
                    .SelectMany(a => a.Themes.Where(t => t.Details.Area == AssuranceArea.Documentation && t.Details.Result == ThemeResult.NotMet).Select(t => (Audit: a, Theme: t)))
                    .ToList();
                if (failed.Count > 0)
                {
                    yield return new(
                        ChallengeCodes.AssurContradicted, $"Assurance:{statement.Ref}", ChallengeSeverity.High,
                        [subject, .. failed.Select(f => new SubjectRef(RecordKind.Audits, f.Audit.Ref)).Distinct()],
                        $"Statement {statement.Ref} rates documentation Green, but in {Month(period)} {Listed([.. failed.Select(f => $"audit {f.Audit.Ref} of {Day(f.Audit.Details.HeldOn)} found {Quoted(f.Theme.Details.Theme)} not met")])}.");
                }
            }
        }
    }

    /// <summary>Each staffing indicator of the month that rose above the mean of the three months before by more than the threshold.</summary>
    private static List<string> StaffingWorsened(RuleContext c, DateOnly period)
    {
        var month = StaffingMonth.Of(c, period);
        var before = Enumerable.Range(1, 3).Select(n => StaffingMonth.Of(c, period.AddMonths(-n))).ToList();
        if (month.Weeks.Count == 0 || before.Any(m => m.Weeks.Count == 0))
        {
            return [];
        }

        var limit = 100 + c.Thresholds.ContradictionPercent;
        var worse = new List<string>();
        void Compare(string indicator, Func<StaffingMonth, double?> read, Func<double, string> show)
        {
            var values = before.Select(read).ToList();
            if (read(month) is not { } now || values.Any(v => v is null))
            {
                return;
            }

            var mean = values.Average(v => v!.Value);
            // Compared as whole percentages (now × 100 against mean × 120), so "exactly 20% above" is not above.
            if (now > 0 && now * 100 > mean * limit)
            {
                var rise = mean == 0 ? "up from none" : $"{Percent((now / mean - 1) * 100)} above";
                worse.Add($"{indicator} was {show(now)}, {rise} the {show(mean)} mean of the previous three months");
            }
        }

        Compare("the unfilled-shift rate", m => m.UnfilledRate, Percent);
        Compare("the agency share of hours", m => m.AgencyShare, Percent);
        Compare("missed or late care", m => m.MissedOrLate, v => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " instances");
        return worse;
    }

    private static IEnumerable<ChallengeFinding> HeadlineMasksTheme(RuleContext c)
    {
        var t = c.Thresholds;
        foreach (var type in c.Audits.GroupBy(a => a.Details.AuditType.Trim(), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var recent = type.OrderByDescending(a => a.Details.HeldOn).ThenByDescending(a => a.Ref, StringComparer.Ordinal).Take(t.AuditThemeWindow).ToList();
            var mean = recent.Average(a => a.Details.ScorePercent);
            if (mean < t.AuditHeadlinePercent)
            {
                continue;
            }

            var shortfalls = recent
                .SelectMany(a => a.Themes.Where(th => th.Details.Result != ThemeResult.Met).Select(th => (Theme: th.Details.Theme.Trim(), Audit: a)))
                .GroupBy(x => x.Theme, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var theme in shortfalls)
            {
                var audits = theme.Select(x => x.Audit).Distinct().OrderBy(a => a.Details.HeldOn).ToList();
                if (audits.Count >= t.AuditThemeFailures)
                {
                    yield return new(
                        ChallengeCodes.AudHeadlineMasksTheme, $"{type.Key}/{theme.Key}", ChallengeSeverity.Medium,
                        [.. audits.Select(a => new SubjectRef(RecordKind.Audits, a.Ref))],
                        $"The last {Plural(recent.Count, type.Key + " audit", type.Key + " audits")} average {Percent(mean)}, yet {Quoted(theme.Key)} was not fully met in {audits.Count} of them ({Listed([.. audits.Select(a => a.Ref)])}).");
                }
            }
        }
    }

    private static IEnumerable<ChallengeFinding> LearningNotInCarePlan(RuleContext c)
    {
        var days = c.Thresholds.CarePlanUpdateDays;
        foreach (var complaint in c.Complaints.Where(x => x.Details.CarePlanUpdateRequired == true && c.Done(x.Details.RespondedOn)))
        {
            var d = complaint.Details;
            var deadline = d.RespondedOn!.Value.AddDays(days);
            var subject = new SubjectRef(RecordKind.Complaints, complaint.Ref);
            if (c.Done(d.CarePlanUpdatedOn) && d.CarePlanUpdatedOn!.Value > deadline)
            {
                yield return new(
                    ChallengeCodes.CmpLearningNotInCarePlan, $"Complaints:{complaint.Ref}", ChallengeSeverity.Medium, [subject],
                    $"The learning from complaint {complaint.Ref} reached the care plan on {Day(d.CarePlanUpdatedOn.Value)}, after the {days}-day deadline of {Day(deadline)} set by the response of {Day(d.RespondedOn.Value)}.", deadline);
            }
            else if (!c.Done(d.CarePlanUpdatedOn) && c.AsOf > deadline)
            {
                yield return new(
                    ChallengeCodes.CmpLearningNotInCarePlan, $"Complaints:{complaint.Ref}", ChallengeSeverity.Medium, [subject],
                    $"The learning from complaint {complaint.Ref} (responded to on {Day(d.RespondedOn.Value)}) needed a care-plan update by {Day(deadline)}; none is recorded.", deadline);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> MissedCareUnlinked(RuleContext c)
    {
        var staffingRiskOpen = c.Risks.Any(r => r.Details.Area == AssuranceArea.Staffing && r.Details.Trend != RiskTrend.Resolved);
        if (staffingRiskOpen)
        {
            yield break;
        }

        var staffingActions = c.Actions.Where(a => a.Details.Area == AssuranceArea.Staffing).ToList();
        foreach (var period in c.Staffing.Select(w => new DateOnly(w.Details.WeekStarting.Year, w.Details.WeekStarting.Month, 1)).Distinct())
        {
            var month = StaffingMonth.Of(c, period);
            if (month.UnfilledRate is not { } rate || rate <= c.Thresholds.UnfilledShiftPercent || month.MissedOrLate is not > 0)
            {
                continue;
            }

            // An action counts if it was open at some time from the month onwards: it was the response.
            if (staffingActions.Any(a => !c.IsClosed(a) || a.Details.ClosedOn is not { } closed || closed >= period))
            {
                continue;
            }

            yield return new(
                ChallengeCodes.StfMissedCareUnlinked, period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), ChallengeSeverity.High, month.Weeks,
                $"In {Month(period)}, {Percent(rate)} of shifts were unfilled and care was missed or late {Plural((int)month.MissedOrLate.Value, "time", "times")}, but no open recovery risk or action addresses staffing.");
        }
    }

    private static IEnumerable<ChallengeFinding> RiskIncomplete(RuleContext c)
    {
        foreach (var risk in c.Risks.Where(r => r.Details.Trend != RiskTrend.Resolved))
        {
            var d = risk.Details;
            var missing = new List<string>();
            if (risk.CurrentActionId is null)
            {
                missing.Add("no current action");
            }

            if (string.IsNullOrWhiteSpace(d.EvidenceSource))
            {
                missing.Add("no evidence source");
            }

            if (string.IsNullOrWhiteSpace(d.Owner))
            {
                missing.Add("no owner");
            }

            if (string.IsNullOrWhiteSpace(d.ReviewRoute))
            {
                missing.Add("no review route");
            }

            if (missing.Count > 0)
            {
                yield return new(
                    ChallengeCodes.RecRiskIncomplete, $"Recovery:{risk.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Recovery, risk.Ref)],
                    $"Risk {risk.Ref} ({Quoted(d.Risk)}) has {Listed(missing)}.");
            }
        }
    }

    private static IEnumerable<ChallengeFinding> ReviewOverdue(RuleContext c)
    {
        var days = c.Thresholds.RiskReviewOverdueDays;
        foreach (var risk in c.Risks.Where(r => r.Details.Trend != RiskTrend.Resolved))
        {
            if (risk.Details.ReviewOn is { } review && c.DaysSince(review) > days)
            {
                yield return new(
                    ChallengeCodes.RecReviewOverdue, $"Recovery:{risk.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Recovery, risk.Ref)],
                    $"Risk {risk.Ref} ({Quoted(risk.Details.Risk)}) was due for review on {Day(review)}, more than {days} days ago.", review.AddDays(days));
            }
        }
    }

    private static IEnumerable<ChallengeFinding> FeedbackNotActed(RuleContext c)
    {
        var days = c.Thresholds.FeedbackResponseDays;
        foreach (var item in c.Feedback.Where(f => f.Details.Sentiment == Sentiment.Negative))
        {
            var d = item.Details;
            var deadline = d.ReceivedOn.AddDays(days);
            var about = $"Negative feedback {item.Ref} from {From(d.From)} on {Day(d.ReceivedOn)} ({Quoted(d.Theme)})";
            var subject = new SubjectRef(RecordKind.Feedback, item.Ref);
            if (c.Done(d.WeDidOn) && d.WeDidOn!.Value > deadline)
            {
                yield return new(
                    ChallengeCodes.FbkNotActed, $"Feedback:{item.Ref}", ChallengeSeverity.Low, [subject],
                    $"{about} was answered on {Day(d.WeDidOn.Value)}, after the {days}-day deadline of {Day(deadline)}.", deadline);
            }
            else if (!c.Done(d.WeDidOn) && c.AsOf > deadline)
            {
                yield return new(
                    ChallengeCodes.FbkNotActed, $"Feedback:{item.Ref}", ChallengeSeverity.Low, [subject],
                    $"{about} has no dated \"we did\" response; one was due by {Day(deadline)}.", deadline);
            }
        }
    }

    /// <summary>
    /// Section B's last rule reads the others: a self-assessment of Good or Outstanding is overconfident
    /// where the evidence for its statement is two or more levels lower, or where High challenges are open.
    /// </summary>
    public static IEnumerable<ChallengeFinding> Overconfident(RuleContext c, int highChallenges)
    {
        foreach (var assessment in c.Site.SelfAssessments.Where(s => s.Details.Rating is QualityRating.Good or QualityRating.Outstanding).OrderBy(s => s.Ref, StringComparer.Ordinal))
        {
            var claimed = assessment.Details.Rating;
            var reasons = new List<string>();
            if (WellLedEvidence.DefaultMapping.TryGetValue(assessment.Details.QualityStatement.Trim(), out var kinds))
            {
                var covered = c.EvidenceOfKinds(kinds)
                    .Where(e => e.EvidenceDate <= c.AsOf && e.EvidenceDate > c.AsOf.AddMonths(-12))
                    .Select(e => e.Category)
                    .Distinct()
                    .Count();
                var supported = WellLedEvidence.LevelOf(covered);
                if (WellLedEvidence.LevelsAhead(claimed, supported) >= 2)
                {
                    reasons.Add($"its evidence of the last 12 months covers {covered} of the six evidence categories, which supports {RatingName(supported)} at most");
                }
            }

            if (highChallenges > 0)
            {
                reasons.Add($"{Plural(highChallenges, "High challenge is", "High challenges are")} open at the site");
            }

            if (reasons.Count > 0)
            {
                yield return new(
                    ChallengeCodes.InsightOverconfident, $"SelfAssessment:{assessment.Ref}", ChallengeSeverity.Medium,
                    [new(RecordKind.SelfAssessment, assessment.Ref)],
                    $"Leaders rate {Quoted(assessment.Details.QualityStatement)} {RatingName(claimed)}, but {Listed(reasons)}.");
            }
        }
    }

    /// <summary>
    /// The same rule under a framework of key lines of enquiry (CQC's 2026 draft): a Good or Outstanding
    /// self-rating of a key question (or of one line) is overconfident where High challenges are open on
    /// the lines beneath it or their evidence is thin; the finding names which. A self-assessment naming
    /// nothing in the version is left alone.
    /// </summary>
    public static IEnumerable<ChallengeFinding> Overconfident(RuleContext c, IReadOnlyList<LineOfEnquiryEvidence> lines, IReadOnlyList<ChallengeFinding> findings, int highRaisedByHand)
    {
        var open = findings.Select(f => new OpenChallenge(f.Code, f.Severity, f.Finding)).ToList();
        var readiness = KeyLineReadiness.Of(c.Site, c.AsOf, lines, open);
        foreach (var assessment in c.Site.SelfAssessments.Where(s => s.Details.Rating is QualityRating.Good or QualityRating.Outstanding).OrderBy(s => s.Ref, StringComparer.Ordinal))
        {
            var name = assessment.Details.QualityStatement.Trim();
            var beneath = readiness.FirstOrDefault(q => string.Equals(q.KeyQuestion, name, StringComparison.OrdinalIgnoreCase))?.Lines
                ?? [.. readiness.SelectMany(q => q.Lines).Where(l => string.Equals(l.Line.Item.Code, name, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Line.Item.Title, name, StringComparison.OrdinalIgnoreCase))];
            if (beneath.Count == 0)
            {
                continue;
            }

            var claimed = assessment.Details.Rating;
            var reasons = KeyLineReadiness.WhyAhead(claimed, beneath).ToList();
            if (highRaisedByHand > 0)
            {
                reasons.Add($"{Plural(highRaisedByHand, "High challenge raised by hand is", "High challenges raised by hand are")} open at the site");
            }

            if (reasons.Count > 0)
            {
                yield return new(
                    ChallengeCodes.InsightOverconfident, $"SelfAssessment:{assessment.Ref}", ChallengeSeverity.Medium,
                    [new(RecordKind.SelfAssessment, assessment.Ref)],
                    $"Leaders rate {Quoted(name)} {RatingName(claimed)}, but {Listed(reasons)}.");
            }
        }
    }

    private static string RatingName(QualityRating rating) => rating == QualityRating.RequiresImprovement ? "Requires improvement" : rating.ToString();

    private static string CategoryName(EvidenceCategory category) => category switch
    {
        EvidenceCategory.PeoplesExperience => "people's experience",
        EvidenceCategory.StaffAndLeaders => "feedback from staff and leaders",
        EvidenceCategory.Partners => "feedback from partners",
        EvidenceCategory.Observation => "observation",
        EvidenceCategory.Processes => "processes",
        _ => "outcomes",
    };

    private static string From(FeedbackSource source) => source switch
    {
        FeedbackSource.Person => "a person using the service",
        FeedbackSource.Family => "a family",
        FeedbackSource.Staff => "staff",
        FeedbackSource.Professional => "a professional",
        _ => "a commissioner",
    };
}

/// <summary>A month's staffing, its unfilled shifts and agency share measured as every view measures them, as the staffing rules compare them.</summary>
internal sealed record StaffingMonth(IReadOnlyList<SubjectRef> Weeks, double? UnfilledRate, double? AgencyShare, double? MissedOrLate)
{
    public static StaffingMonth Of(RuleContext c, DateOnly period)
    {
        var weeks = c.Staffing.Where(w => w.CountsFor(period)).ToList();
        var care = weeks.Where(w => w.Details.MissedCare is not null || w.Details.LateCare is not null).ToList();
        return new(
            [.. weeks.Select(w => new SubjectRef(RecordKind.Staffing, w.Ref))],
            new Share(weeks.Sum(w => w.Details.ShiftsUnfilled), weeks.Sum(w => w.Details.ShiftsPlanned)).Percent,
            new Share(weeks.Sum(w => w.Details.AgencyHours), weeks.Sum(w => w.Details.TotalHours)).Percent,
            care.Count > 0 ? care.Sum(w => (w.Details.MissedCare ?? 0) + (w.Details.LateCare ?? 0)) : null);
    }
}
