using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Challenges;

/// <summary>The engine as a whole: a site with its trail in order raises nothing; a troubled one raises several rules at once, the same way every time.</summary>
public class ChallengeEngineTests
{
    [Fact]
    public void ASiteWithItsTrailInOrder_RaisesNothing()
    {
        Assert.Empty(CleanSite().Evaluate());
    }

    [Fact]
    public void ATroubledSite_RaisesEachOfItsGaps_AtOnce()
    {
        var site = CleanSite();
        site.Incident("I-9", d => d with { Severity = Severity.Severe, CqcNotifiable = true }, site.Action("A-9"));
        site.Action("A-10", d => d with { Owner = null, DueOn = AsOf.AddDays(-30), RaisedOn = AsOf.AddDays(-60) });
        site.Statement("S-9", AssuranceArea.Staffing, RagRating.Green);
        site.Risk("R-9", d => d with { ReviewOn = AsOf.AddDays(-40), Owner = null });

        var codes = site.Evaluate().Select(f => f.Code).Distinct().ToList();

        Assert.Equal(
            [
                ChallengeCodes.ActNoOwner, ChallengeCodes.ActOverdue, ChallengeCodes.AssurNoEvidence, ChallengeCodes.IncNotificationMissing,
                ChallengeCodes.InsightOverconfident, ChallengeCodes.RecReviewOverdue, ChallengeCodes.RecRiskIncomplete,
            ],
            codes);
    }

    [Fact]
    public void TheSameRecordsAndDay_GiveTheSameFindings_InTheSameOrder_WhateverOrderTheRecordsCameIn()
    {
        var site = CleanSite();
        site.Action("A-10", d => d with { Owner = null, DueOn = AsOf.AddDays(-30), RaisedOn = AsOf.AddDays(-60) });
        site.Action("A-11", d => d with { DueOn = AsOf.AddDays(-80), RaisedOn = AsOf.AddDays(-90) });
        site.Feedback("FB-9", d => d with { Sentiment = Sentiment.Negative, ReceivedOn = Day(2026, 6, 1) });
        var evidence = site.Build();
        var shuffled = new SiteEvidence
        {
            SiteId = evidence.SiteId,
            Actions = [.. evidence.Actions.Reverse()],
            Meetings = [.. evidence.Meetings.Reverse()],
            Decisions = [.. evidence.Decisions.Reverse()],
            Incidents = evidence.Incidents,
            Audits = [.. evidence.Audits.Reverse()],
            Staffing = [.. evidence.Staffing.Reverse()],
            Training = [.. evidence.Training.Reverse()],
            Supervision = [.. evidence.Supervision.Reverse()],
            Feedback = [.. evidence.Feedback.Reverse()],
            Findings = evidence.Findings,
            Assurance = evidence.Assurance,
            Risks = evidence.Risks,
            SelfAssessments = evidence.SelfAssessments,
            EvidenceLinks = [.. evidence.EvidenceLinks.Reverse()],
            PackPeriods = [.. evidence.PackPeriods.Reverse()],
        };

        var first = ChallengeEngine.Evaluate(evidence, AsOf);
        var again = ChallengeEngine.Evaluate(evidence, AsOf);
        var reordered = ChallengeEngine.Evaluate(shuffled, AsOf);

        Assert.NotEmpty(first);
        Assert.Equal(first, again, FindingComparer.Instance);
        Assert.Equal(first, reordered, FindingComparer.Instance);
    }

    [Fact]
    public void ThresholdsChangeWhatIsRaised()
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { DueOn = AsOf.AddDays(-10), RaisedOn = AsOf.AddDays(-40) });

        Assert.Empty(site.Findings(ChallengeCodes.ActOverdue));
        var finding = Assert.Single(site.Findings(ChallengeCodes.ActOverdue, thresholds: ChallengeThresholds.Defaults with { ActionOverdueDays = 7 }));
        Assert.EndsWith("more than 7 days late.", finding.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCodeOfTheCatalogue_HasARuleTitleAndAResolution()
    {
        var codes = typeof(ChallengeCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(30, codes.Count);
        Assert.All(codes, code => Assert.False(string.IsNullOrWhiteSpace(ChallengeCatalogue.Of(code).Resolution)));
    }

    /// <summary>
    /// A year of good practice: monthly minuted meetings whose decisions are carried out and closed
    /// with evidence, notifications and candour on time, a current matrix with supervision and
    /// appraisal, answered feedback, an inspection answered with evidence, and claims backed by
    /// current evidence from more than one category.
    /// </summary>
    internal static SiteRecords CleanSite()
    {
        var site = new SiteRecords();
        for (var month = 1; month <= 10; month++)
        {
            var first = Day(2026, month, 1);
            site.Packs(first);
            site.MinutedMeeting($"GOV-{month:00}", first.AddDays(6));
            site.Week(first.AddDays(7), planned: 140, unfilled: 2, agencyHours: 20, missedCare: 0, lateCare: 1);
        }

        site.MinutedMeeting("GOV-11", Day(2026, 11, 6));
        var period = Day(2026, 10, 1);
        for (var s = 1; s <= 8; s++)
        {
            site.Training(period, $"ST-{s:00}", "Fire safety", Day(2026, 3, 1), Day(2027, 3, 1));
            site.Supervision(period, $"ST-{s:00}", SupervisionType.Supervision, Day(2026, 10, 20));
            site.Supervision(period, $"ST-{s:00}", SupervisionType.Appraisal, Day(2026, 4, 2));
        }

        site.Incident("I-1", d => d with
        {
            OccurredOn = Day(2026, 10, 12),
            Severity = Severity.Moderate,
            CqcNotifiable = true,
            NotificationSentOn = Day(2026, 10, 13),
            CandourApplies = true,
            CandourInPersonOn = Day(2026, 10, 12),
            ApologyGiven = true,
            CandourWrittenOn = Day(2026, 10, 19),
        }, site.ClosedAction("A-I1", Day(2026, 10, 30)));
        site.Complaint("C-1", d => d with { CarePlanUpdateRequired = true, CarePlanUpdatedOn = Day(2026, 9, 20) });
        site.Feedback("FB-1", d => d with { Sentiment = Sentiment.Negative, WeDid = "Added a second hot option", WeDidOn = Day(2026, 9, 20) });
        var familyView = site.Feedback("FB-2", d => d with { ReceivedOn = Day(2026, 11, 2) });
        site.Finding("F-1", FindingKind.MustDo, Day(2026, 2, 1), site.ClosedAction("A-F1", Day(2026, 5, 1)));
        var audit = site.Audit("AUD-10", "Care plans", Day(2026, 10, 15), 93, ("Care plans reviewed", ThemeResult.Met, AssuranceArea.Documentation));
        site.Statement("S-1", AssuranceArea.Documentation, RagRating.Green, audit, familyView);
        site.Risk("R-1", d => d with { Trend = RiskTrend.Improving }, site.Action("A-R1", d => d with { DueOn = AsOf.AddDays(30) }), audit);
        site.SelfAssessment("Governance, management and sustainability", QualityRating.Good);
        return site;
    }

    private sealed class FindingComparer : IEqualityComparer<ChallengeFinding>
    {
        public static readonly FindingComparer Instance = new();

        public bool Equals(ChallengeFinding? x, ChallengeFinding? y) =>
            x is not null && y is not null && x.Code == y.Code && x.Key == y.Key && x.Severity == y.Severity && x.Finding == y.Finding && x.Subjects.SequenceEqual(y.Subjects);

        public int GetHashCode(ChallengeFinding obj) => HashCode.Combine(obj.Code, obj.Key);
    }
}
