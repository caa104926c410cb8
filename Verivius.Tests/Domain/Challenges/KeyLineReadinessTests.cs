using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Challenges;

/// <summary>Readiness and overconfidence under a framework of key lines of enquiry (CQC's 2026 draft), counted by hand on a small site.</summary>
public class KeyLineReadinessTests
{
    private static readonly LineOfEnquiryEvidence SafeStaffing = Line("Safe", "KS2", "Safe staffing", [RecordKind.Staffing, RecordKind.Training], [ChallengeCodes.SupOverdue]);

    private static readonly LineOfEnquiryEvidence Governance = Line(
        "Well-led", "KW4", "Governance and management", [RecordKind.Audits, RecordKind.Incidents, RecordKind.Meetings], [ChallengeCodes.IncNotificationMissing, ChallengeCodes.IncNotificationLate],
        new RatingCharacteristics("Problems are found early.", "Oversight is regular.", "Required notifications are missed at times.", "Statutory breaches go unnoticed."));

    private static readonly LineOfEnquiryEvidence Partnerships = Line("Well-led", "KW5", "Partnerships and communities", [RecordKind.Feedback, RecordKind.Meetings], [ChallengeCodes.FbkNotActed]);

    private static readonly IReadOnlyList<LineOfEnquiryEvidence> Lines = [SafeStaffing, Governance, Partnerships];

    [Fact]
    public void EachLine_CountsTheLastTwelveMonthsRecordsByKind_AndShowsTheOpenChallengesWhoseCodesBearOnIt()
    {
        var site = SmallSite();
        site.SelfAssessment("Well-led", QualityRating.Good);
        site.SelfAssessment("KW5", QualityRating.RequiresImprovement);
        OpenChallenge[] open =
        [
            new(ChallengeCodes.IncNotificationMissing, ChallengeSeverity.High, "Incident I-1 is notifiable and no notification was sent."),
            new(ChallengeCodes.ActOverdue, ChallengeSeverity.Medium, "Action A-1 is overdue."),
        ];

        var questions = KeyLineReadiness.Of(site.Build(), AsOf, Lines, open);

        Assert.Equal(["Safe", "Well-led"], questions.Select(q => q.KeyQuestion));
        var safe = questions[0];
        var staffing = Assert.Single(safe.Lines);
        Assert.Equal([(RecordKind.Staffing, 0), (RecordKind.Training, 0)], staffing.Evidence.Select(e => (e.Kind, e.Count)));
        Assert.True(staffing.Thin);
        Assert.Null(safe.SelfAssessed);
        Assert.False(safe.RunsAhead);

        var wellLed = questions[1];
        var governance = wellLed.Lines[0];
        Assert.Equal(
            [(RecordKind.Meetings, 0, (DateOnly?)null), (RecordKind.Incidents, 1, Day(2026, 11, 10)), (RecordKind.Audits, 2, Day(2026, 9, 14))],
            governance.Evidence.Select(e => (e.Kind, e.Count, e.Newest)));
        Assert.False(governance.Thin);
        Assert.Equal([ChallengeCodes.IncNotificationMissing], governance.Challenges.Select(c => c.Code));
        Assert.Equal("Required notifications are missed at times.", governance.Line.Item.Characteristics.RequiresImprovement);

        var partnerships = wellLed.Lines[1];
        Assert.Equal([(RecordKind.Meetings, 0), (RecordKind.Feedback, 1)], partnerships.Evidence.Select(e => (e.Kind, e.Count)));
        Assert.True(partnerships.Thin);
        Assert.Empty(partnerships.Challenges);
        Assert.Equal(QualityRating.RequiresImprovement, partnerships.SelfAssessed);

        Assert.Equal(QualityRating.Good, wellLed.SelfAssessed);
        Assert.Equal(
            ["High challenges are open on Governance and management (INC-NOTIFICATION-MISSING)",
             "Partnerships and communities has records of at most one of the kinds that evidence it in the last 12 months"],
            wellLed.WhyAhead);
    }

    [Fact]
    public void Overconfident_UnderLinesOfEnquiry_NamesTheHighChallengesAndThinLinesBeneathTheKeyQuestion()
    {
        var site = SmallSite();
        site.SelfAssessment("Well-led", QualityRating.Outstanding);
        site.Incident("I-2", d => d with { Severity = Severity.Moderate, CqcNotifiable = true }, site.Action("A-2"));

        var finding = Assert.Single(ChallengeEngine.Evaluate(site.Build(), AsOf, linesOfEnquiry: Lines), f => f.Code == ChallengeCodes.InsightOverconfident);

        Assert.Equal("SelfAssessment:Well-led", finding.Key);
        Assert.Equal(
            "Leaders rate \"Well-led\" Outstanding, but High challenges are open on Governance and management (INC-NOTIFICATION-MISSING) and Partnerships and communities has records of at most one of the kinds that evidence it in the last 12 months.",
            finding.Finding);
    }

    [Fact]
    public void Overconfident_UnderLinesOfEnquiry_LeavesALowerRatingAndANameTheVersionDoesNotHaveAlone()
    {
        var site = SmallSite();
        site.SelfAssessment("Well-led", QualityRating.RequiresImprovement);
        site.SelfAssessment("Governance, management and sustainability", QualityRating.Outstanding);
        site.Incident("I-2", d => d with { Severity = Severity.Moderate, CqcNotifiable = true }, site.Action("A-2"));

        Assert.DoesNotContain(ChallengeEngine.Evaluate(site.Build(), AsOf, linesOfEnquiry: Lines), f => f.Code == ChallengeCodes.InsightOverconfident);

        // The same site under the December 2024 statements: the statement's rating is judged there.
        Assert.Contains(site.Evaluate(), f => f.Code == ChallengeCodes.InsightOverconfident && f.Finding.StartsWith("Leaders rate \"Governance, management and sustainability\" Outstanding", StringComparison.Ordinal));
    }

    [Fact]
    public void Overconfident_UnderLinesOfEnquiry_WithEvidenceAcrossKindsAndNoHighChallenge_IsNotRaised()
    {
        var site = SmallSite();
        site.SelfAssessment("KW4", QualityRating.Good);

        Assert.DoesNotContain(ChallengeEngine.Evaluate(site.Build(), AsOf, linesOfEnquiry: Lines), f => f.Code == ChallengeCodes.InsightOverconfident);
    }

    /// <summary>Two audits and an incident of the last year, one audit older than that, one piece of feedback.</summary>
    private static SiteRecords SmallSite()
    {
        var site = new SiteRecords();
        site.Audit("AUD-OLD", "Care plans", Day(2025, 10, 1), 90);
        site.Audit("AUD-1", "Care plans", Day(2026, 6, 1), 90);
        site.Audit("AUD-2", "Medicines", Day(2026, 9, 14), 80);
        site.Incident("I-1");
        site.Feedback("F-1");
        return site;
    }

    private static LineOfEnquiryEvidence Line(string keyQuestion, string code, string title, RecordKind[] kinds, string[] codes, RatingCharacteristics? characteristics = null) =>
        new(new FrameworkItem(keyQuestion, code, title, 0, [], characteristics ?? RatingCharacteristics.None, kinds, codes), kinds.ToHashSet());
}
