using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Challenges;

/// <summary>Section B of the catalogue: assurance the site's own evidence does not support.</summary>
public class AssuranceRuleTests
{
    [Fact]
    public void NoEvidence_GreenOnEvidence91DaysOld_IsHigh_90DaysIsCurrent()
    {
        var stale = new SiteRecords();
        stale.Statement("S-1", AssuranceArea.Staffing, RagRating.Green, stale.Audit("AUD-1", "Staffing", AsOf.AddDays(-91), 90));
        var current = new SiteRecords();
        current.Statement("S-1", AssuranceArea.Staffing, RagRating.Green, current.Audit("AUD-1", "Staffing", AsOf.AddDays(-90), 90));

        var finding = Assert.Single(stale.Findings(ChallengeCodes.AssurNoEvidence));
        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal("Statement S-1 (\"Staffing is stable\") is rated Green, but the newest evidence it cites is from 21 August 2026, more than 90 days old.", finding.Finding);
        Assert.Equal(["Assurance:S-1", "Audits:AUD-1"], finding.Subjects.Select(s => s.ToString()));
        Assert.Empty(current.Findings(ChallengeCodes.AssurNoEvidence));
    }

    [Fact]
    public void NoEvidence_AnImprovingRiskCitingNothing_IsRaised_AnAmberStatementIsNot()
    {
        var site = new SiteRecords();
        site.Risk("R-1", d => d with { Trend = RiskTrend.Improving });
        site.Statement("S-2", AssuranceArea.Staffing, RagRating.Amber);

        var finding = Assert.Single(site.Findings(ChallengeCodes.AssurNoEvidence));
        Assert.Equal("Risk R-1 (\"Falls at night\") is marked improving but cites no dated evidence.", finding.Finding);
    }

    /// <summary>A citable kind the rules did not index would make every citation of it read as "cites no dated evidence".</summary>
    [Fact]
    public void NoEvidence_EveryKindTheCatalogueLetsACellCite_CountsAsEvidenceWhenCitedAlone()
    {
        var recent = AsOf.AddDays(-10);
        foreach (var kind in RecordCatalogue.Citable)
        {
            var site = new SiteRecords();
            SiteRecord cited = kind switch
            {
                RecordKind.Actions => site.Action("A-1", d => d with { RaisedOn = recent }),
                RecordKind.Meetings => site.Meeting("M-1", recent),
                RecordKind.Decisions => site.Decision("D-1", site.Meeting("M-1", recent), action: null),
                RecordKind.Incidents => site.Incident("I-1", d => d with { OccurredOn = recent }),
                RecordKind.Complaints => site.Complaint("C-1", d => d with { ReceivedOn = recent }),
                RecordKind.Audits => site.Audit("AUD-1", "Staffing", recent, 90),
                RecordKind.Staffing => site.Week(recent, 100, 2),
                RecordKind.Feedback => site.Feedback("FB-1", d => d with { ReceivedOn = recent }),
                RecordKind.Inspection => site.Finding("F-1", FindingKind.MustDo, recent),
                _ => throw new InvalidOperationException($"{kind} is citable: give this test a record of it, and the rules' RuleContext.CitableRecords its records"),
            };
            site.Statement("S-1", AssuranceArea.Staffing, RagRating.Green, cited);

            Assert.True(site.Findings(ChallengeCodes.AssurNoEvidence).Count == 0, $"a statement citing only {kind} was challenged as citing no dated evidence");
        }
    }

    [Fact]
    public void NoEvidence_EvidenceDatedAfterTheAsOfDay_DoesNotCount()
    {
        var site = new SiteRecords();
        site.Statement("S-1", AssuranceArea.Staffing, RagRating.Green, site.Audit("AUD-1", "Staffing", AsOf.AddDays(2), 90));

        Assert.Equal("Statement S-1 (\"Staffing is stable\") is rated Green but cites no dated evidence.", Assert.Single(site.Findings(ChallengeCodes.AssurNoEvidence)).Finding);
    }

    [Fact]
    public void SingleSource_GreenOnProcessesAlone_IsRaised_ASecondCategoryClearsIt()
    {
        var single = new SiteRecords();
        single.Statement("S-1", AssuranceArea.Documentation, RagRating.Green, single.Audit("AUD-1", "Care plans", AsOf.AddDays(-10), 90), single.Audit("AUD-2", "Care plans", AsOf.AddDays(-40), 90));
        var triangulated = new SiteRecords();
        triangulated.Statement("S-1", AssuranceArea.Documentation, RagRating.Green, triangulated.Audit("AUD-1", "Care plans", AsOf.AddDays(-10), 90), triangulated.Feedback("FB-1", d => d with { ReceivedOn = AsOf.AddDays(-5) }));

        var finding = Assert.Single(single.Findings(ChallengeCodes.AssurSingleSource));
        Assert.Equal(ChallengeSeverity.Medium, finding.Severity);
        Assert.Equal("Statement S-1 (\"Documentation is strong\") is rated Green on 2 current records, all processes, with nothing from the other five evidence categories.", finding.Finding);
        Assert.Empty(triangulated.Findings(ChallengeCodes.AssurSingleSource));
    }

    [Fact]
    public void SingleSource_NoCurrentEvidenceAtAll_IsNoEvidenceInstead()
    {
        var site = new SiteRecords();
        site.Statement("S-1", AssuranceArea.Documentation, RagRating.Green);

        Assert.Empty(site.Findings(ChallengeCodes.AssurSingleSource));
        Assert.Single(site.Findings(ChallengeCodes.AssurNoEvidence));
    }

    [Fact]
    public void Contradicted_UnfilledShiftsThirtyPercentAboveTheThreeMonthMean_ContradictsAGreenStaffingStatement()
    {
        var site = StaffingMonths(octoberUnfilled: 13);

        var finding = Assert.Single(site.Findings(ChallengeCodes.AssurContradicted));

        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal("Statement S-1 rates staffing Green, but in October 2026 the unfilled-shift rate was 13%, 30% above the 10% mean of the previous three months.", finding.Finding);
    }

    [Fact]
    public void Contradicted_ExactlyTwentyPercentAbove_IsNotRaised()
    {
        Assert.Empty(StaffingMonths(octoberUnfilled: 12).Findings(ChallengeCodes.AssurContradicted));
    }

    [Fact]
    public void Contradicted_ADocumentationThemeNotMetInThePeriod_ContradictsAGreenDocumentationStatement_PartlyMetDoesNot()
    {
        var site = new SiteRecords();
        site.Packs(Day(2026, 10, 1));
        var audit = site.Audit("AUD-1", "Care plans", Day(2026, 10, 15), 92, ("Care plans reviewed", ThemeResult.NotMet, AssuranceArea.Documentation), ("Consent recorded", ThemeResult.PartlyMet, AssuranceArea.Documentation));
        site.Statement("S-2", AssuranceArea.Documentation, RagRating.Green, audit);

        var finding = Assert.Single(site.Findings(ChallengeCodes.AssurContradicted));

        Assert.Equal("Statement S-2 rates documentation Green, but in October 2026 audit AUD-1 of 15 October 2026 found \"Care plans reviewed\" not met.", finding.Finding);
    }

    [Fact]
    public void HeadlineMasksTheme_AThemeShortInThreeOfTheLastFourAuditsAveraging90_IsRaised()
    {
        var site = MedicationAudits(score: 90, failing: 3);

        var finding = Assert.Single(site.Findings(ChallengeCodes.AudHeadlineMasksTheme));

        Assert.Equal(ChallengeSeverity.Medium, finding.Severity);
        Assert.Equal("The last 4 Medication audits average 90%, yet \"Topical creams recorded\" was not fully met in 3 of them (AUD-2, AUD-3 and AUD-4).", finding.Finding);
    }

    [Fact]
    public void HeadlineMasksTheme_TwoOfFour_OrAHeadlineBelow85_IsNotRaised()
    {
        Assert.Empty(MedicationAudits(score: 90, failing: 2).Findings(ChallengeCodes.AudHeadlineMasksTheme));
        Assert.Empty(MedicationAudits(score: 84.9, failing: 4).Findings(ChallengeCodes.AudHeadlineMasksTheme));
    }

    [Fact]
    public void LearningNotInCarePlan_NoUpdateByTheDeadline_OrALateOne_IsRaised_OnTheDayIsNot()
    {
        var site = new SiteRecords();
        site.Complaint("C-1", d => d with { CarePlanUpdateRequired = true });
        site.Complaint("C-2", d => d with { CarePlanUpdateRequired = true, CarePlanUpdatedOn = Day(2026, 10, 28) });
        site.Complaint("C-3", d => d with { CarePlanUpdateRequired = true, CarePlanUpdatedOn = Day(2026, 10, 27) });
        site.Complaint("C-4", d => d with { CarePlanUpdateRequired = false });

        var finding = Assert.Single(site.Findings(ChallengeCodes.CmpLearningNotInCarePlan));
        Assert.Equal(["Complaints:C-1", "Complaints:C-2"], finding.Subjects.Select(s => s.ToString()));
        Assert.Equal(
            "The learning from 2 complaints did not reach the care plan within 56 days. The oldest: The learning from complaint C-1 (responded to on 1 September 2026) needed a care-plan update by 27 October 2026; none is recorded.",
            finding.Finding);
        Assert.Equal(Day(2026, 10, 27), finding.Since);
    }

    [Fact]
    public void MissedCareUnlinked_SixPercentUnfilledWithMissedCare_AndNoStaffingRiskOrAction_IsHigh()
    {
        var site = new SiteRecords();
        site.Week(Day(2026, 10, 5), planned: 100, unfilled: 6, missedCare: 1);

        var finding = Assert.Single(site.Findings(ChallengeCodes.StfMissedCareUnlinked));

        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal("In October 2026, 6% of shifts were unfilled and care was missed or late 1 time, but no open recovery risk or action addresses staffing.", finding.Finding);
    }

    [Fact]
    public void MissedCareUnlinked_FivePercent_OrAnOpenStaffingRisk_OrAStaffingActionSince_IsNotRaised()
    {
        var atTheLimit = new SiteRecords();
        atTheLimit.Week(Day(2026, 10, 5), planned: 100, unfilled: 5, missedCare: 1);
        var withRisk = new SiteRecords();
        withRisk.Week(Day(2026, 10, 5), planned: 100, unfilled: 9, missedCare: 2);
        withRisk.Risk("R-1", d => d with { Area = AssuranceArea.Staffing });
        var withAction = new SiteRecords();
        withAction.Week(Day(2026, 10, 5), planned: 100, unfilled: 9, missedCare: 2);
        withAction.ClosedAction("A-1", Day(2026, 11, 1), d => d with { Area = AssuranceArea.Staffing });

        Assert.Empty(atTheLimit.Findings(ChallengeCodes.StfMissedCareUnlinked));
        Assert.Empty(withRisk.Findings(ChallengeCodes.StfMissedCareUnlinked));
        Assert.Empty(withAction.Findings(ChallengeCodes.StfMissedCareUnlinked));
    }

    [Fact]
    public void RiskIncomplete_NamesEachMissingPart_AResolvedRiskIsNotChallenged()
    {
        var site = new SiteRecords();
        site.Risk("R-1", d => d with { CurrentActionRef = null, EvidenceSource = null, Owner = " ", ReviewRoute = null });
        site.Risk("R-2", d => d with { CurrentActionRef = null, Trend = RiskTrend.Resolved });

        var finding = Assert.Single(site.Findings(ChallengeCodes.RecRiskIncomplete));

        Assert.Equal("Risk R-1 (\"Falls at night\") has no current action, no evidence source, no owner and no review route.", finding.Finding);
    }

    [Fact]
    public void ReviewOverdue_FifteenDaysPast_IsRaised_FourteenIsNot()
    {
        var site = new SiteRecords();
        site.Risk("R-1", d => d with { ReviewOn = AsOf.AddDays(-15) });
        site.Risk("R-2", d => d with { ReviewOn = AsOf.AddDays(-14) });

        var finding = Assert.Single(site.Findings(ChallengeCodes.RecReviewOverdue));

        Assert.Equal("Risk R-1 (\"Falls at night\") was due for review on 5 November 2026, more than 14 days ago.", finding.Finding);
    }

    [Fact]
    public void FeedbackNotActed_NegativeFeedbackWithoutAWeDidInTime_IsLow()
    {
        var site = new SiteRecords();
        site.Feedback("FB-1", d => d with { Sentiment = Sentiment.Negative });
        site.Feedback("FB-2", d => d with { Sentiment = Sentiment.Negative, WeDid = "Added a second hot option", WeDidOn = Day(2026, 10, 28) });
        site.Feedback("FB-3", d => d with { Sentiment = Sentiment.Negative, WeDid = "Added a second hot option", WeDidOn = Day(2026, 10, 27) });
        site.Feedback("FB-4");

        var finding = Assert.Single(site.Findings(ChallengeCodes.FbkNotActed));

        Assert.Equal(ChallengeSeverity.Low, finding.Severity);
        Assert.Equal(["Feedback:FB-1", "Feedback:FB-2"], finding.Subjects.Select(s => s.ToString()));
        Assert.Equal(
            "2 pieces of negative feedback had no \"we did\" response within 56 days. The oldest: Negative feedback FB-1 from a family on 1 September 2026 (\"Meal choice\") has no dated \"we did\" response; one was due by 27 October 2026.",
            finding.Finding);
    }

    [Fact]
    public void Overconfident_GoodWithNoEvidence_IsTwoLevelsAhead_AndRaised()
    {
        var site = new SiteRecords();
        site.SelfAssessment("Governance, management and sustainability", QualityRating.Good);

        var finding = Assert.Single(site.Findings(ChallengeCodes.InsightOverconfident));

        Assert.Equal(ChallengeSeverity.Medium, finding.Severity);
        Assert.Equal("Leaders rate \"Governance, management and sustainability\" Good, but its evidence of the last 12 months covers 0 of the six evidence categories, which supports Inadequate at most.", finding.Finding);
    }

    [Fact]
    public void Overconfident_GoodOnOneCategory_IsOneLevelAhead_AndNotRaised_OutstandingIs()
    {
        var good = new SiteRecords();
        good.SelfAssessment("Governance, management and sustainability", QualityRating.Good);
        good.Audit("AUD-1", "Care plans", AsOf.AddDays(-30), 90);
        var outstanding = new SiteRecords();
        outstanding.SelfAssessment("Governance, management and sustainability", QualityRating.Outstanding);
        outstanding.Audit("AUD-1", "Care plans", AsOf.AddDays(-30), 90);

        Assert.Empty(good.Findings(ChallengeCodes.InsightOverconfident));
        Assert.Equal(
            "Leaders rate \"Governance, management and sustainability\" Outstanding, but its evidence of the last 12 months covers 1 of the six evidence categories, which supports Requires improvement at most.",
            Assert.Single(outstanding.Findings(ChallengeCodes.InsightOverconfident)).Finding);
    }

    [Fact]
    public void Overconfident_GoodWhileAHighChallengeIsOpen_IsRaised_RequiresImprovementIsNot()
    {
        var site = new SiteRecords();
        site.SelfAssessment("Governance, management and sustainability", QualityRating.Good);
        site.SelfAssessment("Learning, improvement and innovation", QualityRating.RequiresImprovement);
        site.Audit("AUD-1", "Care plans", AsOf.AddDays(-30), 90);
        site.Incident("I-1", d => d with { Severity = Severity.Moderate, CqcNotifiable = true }, site.Action("A-1"));

        var finding = Assert.Single(site.Findings(ChallengeCodes.InsightOverconfident));

        Assert.Equal("Leaders rate \"Governance, management and sustainability\" Good, but 1 High challenge is open at the site.", finding.Finding);
    }

    private static SiteRecords StaffingMonths(int octoberUnfilled)
    {
        var site = new SiteRecords();
        site.Packs(Day(2026, 7, 1), Day(2026, 8, 1), Day(2026, 9, 1), Day(2026, 10, 1));
        site.Week(Day(2026, 7, 6), 100, 10);
        site.Week(Day(2026, 8, 3), 100, 10);
        site.Week(Day(2026, 9, 7), 100, 10);
        var october = site.Week(Day(2026, 10, 5), 100, octoberUnfilled);
        site.Statement("S-1", AssuranceArea.Staffing, RagRating.Green, october);
        return site;
    }

    private static SiteRecords MedicationAudits(double score, int failing)
    {
        var site = new SiteRecords();

        // An older audit that also fell short is outside the last four and does not count.
        site.Audit("AUD-0", "Medication", Day(2026, 6, 15), score, ("Topical creams recorded", ThemeResult.NotMet, AssuranceArea.Medication));
        for (var i = 1; i <= 4; i++)
        {
            var result = i > 4 - failing ? ThemeResult.PartlyMet : ThemeResult.Met;
            site.Audit($"AUD-{i}", "Medication", Day(2026, 6 + i, 15), score, ("Topical creams recorded", result, AssuranceArea.Medication), ("MAR charts complete", ThemeResult.Met, AssuranceArea.Medication));
        }

        return site;
    }
}
