using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Challenges;

/// <summary>Section A of the catalogue: for each rule, a case that raises it with its finding, and one just inside that does not.</summary>
public class EvidenceTrailRuleTests
{
    [Fact]
    public void MinutesThin_MeetingWithoutDecision_AndDecisionWithoutActionOwnerOrReview_AreRaised()
    {
        var site = new SiteRecords();
        site.Meeting("M-1", Day(2026, 11, 2));
        var second = site.Meeting("M-2", Day(2026, 11, 3));
        site.Decision("D-1", second, action: null, owner: null, reviewed: false);

        var findings = site.Findings(ChallengeCodes.TrailMinutesThin);

        Assert.Equal(
            ["Decision D-1 of the meeting of 3 November 2026 has no action, no owner and no review date.", "The governance meeting M-1 of 2 November 2026 records no decision."],
            findings.Select(f => f.Finding));
        Assert.All(findings, f => Assert.Equal(ChallengeSeverity.Medium, f.Severity));
    }

    [Fact]
    public void MinutesThin_DecisionWithItsAction_AndAStaffMeetingWithoutDecisions_RaiseNothing()
    {
        var site = new SiteRecords();
        site.MinutedMeeting("M-1", Day(2026, 11, 2));
        site.Meeting("STAFF-1", Day(2026, 11, 4), MeetingType.Staff);

        Assert.Empty(site.Findings(ChallengeCodes.TrailMinutesThin));
    }

    [Fact]
    public void MeetingGap_OneDayOverTheLimitBetweenMeetings_IsRaised_WithBothDatesAndTheGap()
    {
        var site = new SiteRecords();
        site.MinutedMeeting("M-1", Day(2026, 7, 1));
        site.MinutedMeeting("M-2", Day(2026, 9, 2));
        site.MinutedMeeting("M-3", Day(2026, 11, 1));

        var finding = Assert.Single(site.Findings(ChallengeCodes.TrailMeetingGap));

        Assert.Equal("63 days passed between the governance meetings of 1 July 2026 (M-1) and 2 September 2026 (M-2); the most allowed is 62.", finding.Finding);
        Assert.Equal(ChallengeSeverity.High, finding.Severity);
    }

    [Fact]
    public void MeetingGap_ExactlyTheLimit_IsNotRaised()
    {
        var site = new SiteRecords();
        site.MinutedMeeting("M-1", Day(2026, 7, 1));
        site.MinutedMeeting("M-2", Day(2026, 9, 1));
        site.MinutedMeeting("M-3", Day(2026, 11, 1));

        Assert.Empty(site.Findings(ChallengeCodes.TrailMeetingGap));
    }

    [Fact]
    public void MeetingGap_SinceTheLastMeeting_IsRaisedTheDayAfterTheIntervalRunsOut()
    {
        var site = new SiteRecords();
        site.MinutedMeeting("M-1", Day(2026, 9, 19));

        Assert.Empty(site.Findings(ChallengeCodes.TrailMeetingGap));
        var finding = Assert.Single(site.Findings(ChallengeCodes.TrailMeetingGap, AsOf.AddDays(1)));
        Assert.Equal("No governance meeting has been minuted since 19 September 2026 (M-1); the 62-day interval ran out on 20 November 2026.", finding.Finding);
    }

    [Fact]
    public void NoClosures_TenOpenAndNoneClosedForNinetyOneDays_IsRaised()
    {
        var site = new SiteRecords();
        for (var i = 1; i <= 10; i++)
        {
            site.Action($"A-{i}");
        }

        site.ClosedAction("A-DONE", AsOf.AddDays(-91));

        var finding = Assert.Single(site.Findings(ChallengeCodes.ActNoClosures));

        Assert.Equal("10 actions are open and none has been closed in the last 90 days (the last closure was on 21 August 2026).", finding.Finding);
        Assert.Equal(10, finding.Subjects.Count);
        Assert.Equal(ChallengeSeverity.High, finding.Severity);
    }

    [Fact]
    public void NoClosures_AClosureNinetyDaysAgo_OrOnlyNineOpen_IsNotRaised()
    {
        var recentClosure = new SiteRecords();
        var nineOpen = new SiteRecords();
        for (var i = 1; i <= 10; i++)
        {
            recentClosure.Action($"A-{i}");
            if (i < 10)
            {
                nineOpen.Action($"A-{i}");
            }
        }

        recentClosure.ClosedAction("A-DONE", AsOf.AddDays(-90));

        Assert.Empty(recentClosure.Findings(ChallengeCodes.ActNoClosures));
        Assert.Empty(nineOpen.Findings(ChallengeCodes.ActNoClosures));
    }

    [Fact]
    public void NoClosures_NoneEverClosed_SaysSo()
    {
        var site = new SiteRecords();
        for (var i = 1; i <= 12; i++)
        {
            site.Action($"A-{i}");
        }

        Assert.Equal("12 actions are open and none has ever been closed.", Assert.Single(site.Findings(ChallengeCodes.ActNoClosures)).Finding);
    }

    [Fact]
    public void ClosedNoDetail_ClosedWithoutOutcomeOrEvidence_IsRaised_AndAFullClosureIsNot()
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { Status = ActionStatus.Closed, ClosedOn = Day(2026, 11, 2) });
        site.ClosedAction("A-2", Day(2026, 11, 2));

        var finding = Assert.Single(site.Findings(ChallengeCodes.ActClosedNoDetail));

        Assert.Equal("Action A-1 (\"Fix the rota\") was closed on 2 November 2026 with no outcome and no closure evidence.", finding.Finding);
    }

    [Theory]
    [InlineData(15, ChallengeSeverity.Medium, "was due on 5 November 2026 and is still open, more than 14 days late.")]
    [InlineData(60, ChallengeSeverity.Medium, "was due on 21 September 2026 and is still open, more than 14 days late.")]
    [InlineData(61, ChallengeSeverity.High, "was due on 20 September 2026 and is still open, more than 60 days late.")]
    public void Overdue_PastTheLimit_IsRaised_HighPastSixtyDays(int daysLate, ChallengeSeverity severity, string ending)
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { DueOn = AsOf.AddDays(-daysLate), RaisedOn = AsOf.AddDays(-100) });

        var finding = Assert.Single(site.Findings(ChallengeCodes.ActOverdue));

        Assert.Equal(severity, finding.Severity);
        Assert.Equal("Action A-1 (\"Fix the rota\"), owned by Deputy manager, " + ending, finding.Finding);
    }

    [Fact]
    public void Overdue_SeveralActions_AreOneChallengeForTheSite_WorstSeverity_OpenSinceTheOldestDeadlinePlusGrace()
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { DueOn = AsOf.AddDays(-20), RaisedOn = AsOf.AddDays(-100) });
        site.Action("A-12", d => d with { DueOn = new DateOnly(2026, 3, 1), RaisedOn = new DateOnly(2026, 1, 5), Owner = null });
        site.Action("A-7", d => d with { DueOn = AsOf.AddDays(-30), RaisedOn = AsOf.AddDays(-100) });
        site.Action("A-8", d => d with { DueOn = AsOf.AddDays(-5), RaisedOn = AsOf.AddDays(-100) });

        var finding = Assert.Single(site.Findings(ChallengeCodes.ActOverdue));

        Assert.Equal(RolledUpFindings.SiteKey, finding.Key);
        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal(["Actions:A-12", "Actions:A-7", "Actions:A-1"], finding.Subjects.Select(s => s.ToString()));
        Assert.Equal(new DateOnly(2026, 3, 15), finding.Since);
        Assert.Equal(
            "3 open actions are more than 14 days past their due date. The oldest: Action A-12 (\"Fix the rota\") was due on 1 March 2026 and is still open, more than 60 days late.",
            finding.Finding);
    }

    [Fact]
    public void Overdue_FourteenDaysLate_OrClosed_IsNotRaised()
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { DueOn = AsOf.AddDays(-14) });
        site.ClosedAction("A-2", AsOf.AddDays(-1), d => d with { DueOn = AsOf.AddDays(-40) });

        Assert.Empty(site.Findings(ChallengeCodes.ActOverdue));
    }

    [Fact]
    public void NoOwner_AnOpenActionWithoutOwnerOrDueDate_IsRaised_AClosedOneIsNot()
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { Owner = null, DueOn = null });
        site.ClosedAction("A-2", AsOf.AddDays(-3), d => d with { Owner = null });

        var finding = Assert.Single(site.Findings(ChallengeCodes.ActNoOwner));

        Assert.Equal("Open action A-1 (\"Fix the rota\") has no owner and no due date.", finding.Finding);
    }

    [Fact]
    public void NotificationMissing_ANotifiableIncidentWithNothingSent_IsHigh_EvenIfTheDateSentIsAfterTheAsOfDay()
    {
        var site = new SiteRecords();
        site.Incident("I-1", d => d with { Severity = Severity.Severe, CqcNotifiable = true, NotificationSentOn = AsOf.AddDays(3) });
        site.Incident("I-2", d => d with { CqcNotifiable = false });

        var finding = Assert.Single(site.Findings(ChallengeCodes.IncNotificationMissing));

        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal("Incident I-1 (fall, severe harm) of 10 November 2026 is CQC-notifiable, but no notification has been sent.", finding.Finding);
    }

    [Fact]
    public void NotificationLate_ThreeDaysAfter_IsRaised_TwoDaysIsNot()
    {
        var site = new SiteRecords();
        site.Incident("I-1", d => d with { CqcNotifiable = true, NotificationSentOn = Day(2026, 11, 13) });
        site.Incident("I-2", d => d with { CqcNotifiable = true, NotificationSentOn = Day(2026, 11, 12) });

        var finding = Assert.Single(site.Findings(ChallengeCodes.IncNotificationLate));

        Assert.Equal("The notification for incident I-1 of 10 November 2026 was sent on 13 November 2026, 3 days after it; the most allowed is 2.", finding.Finding);
    }

    [Fact]
    public void CandourMissing_NoInPersonNotificationOrApology_IsHigh_AndAFullRecordIsNot()
    {
        var site = new SiteRecords();
        site.Incident("I-1", d => d with { Severity = Severity.Moderate, CandourApplies = true, ApologyGiven = false });
        site.Incident("I-2", d => d with { Severity = Severity.Moderate, CandourApplies = true, CandourInPersonOn = d.OccurredOn, ApologyGiven = true, CandourWrittenOn = d.OccurredOn.AddDays(3) });

        var finding = Assert.Single(site.Findings(ChallengeCodes.IncCandourMissing));

        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal("Duty of candour applies to incident I-1 of 10 November 2026, but the record shows no in-person notification and no apology.", finding.Finding);
    }

    [Fact]
    public void CandourLate_CountsWorkingDays_SkippingChristmasBoxingDayAndNewYear()
    {
        // Friday 18 December 2026: ten working days end on 6 January 2027, not 1 January, because of
        // Christmas Day, the Boxing Day substitute (28 December) and New Year's Day.
        var onTime = new SiteRecords();
        Candid(onTime, Day(2027, 1, 6));
        var late = new SiteRecords();
        Candid(late, Day(2027, 1, 7));

        Assert.Empty(onTime.Findings(ChallengeCodes.IncCandourLate, Day(2027, 1, 20)));
        var finding = Assert.Single(late.Findings(ChallengeCodes.IncCandourLate, Day(2027, 1, 20)));
        Assert.Equal("The written candour follow-up for incident I-1 of 18 December 2026 was sent on 7 January 2027, after the 10-working-day deadline of 6 January 2027.", finding.Finding);
    }

    [Fact]
    public void CandourLate_AMissingFollowUp_IsRaisedOnlyOnceTheDeadlineHasPassed()
    {
        var site = new SiteRecords();
        Candid(site, writtenOn: null);

        Assert.Empty(site.Findings(ChallengeCodes.IncCandourLate, Day(2027, 1, 6)));
        var finding = Assert.Single(site.Findings(ChallengeCodes.IncCandourLate, Day(2027, 1, 7)));
        Assert.Equal("The written candour follow-up for incident I-1 of 18 December 2026 was due by 6 January 2027 (10 working days) and is not recorded.", finding.Finding);
    }

    [Fact]
    public void NoAction_AModerateIncidentWithoutAction_IsRaised_LinkedOrMinorOnesAreNot()
    {
        var site = new SiteRecords();
        site.Incident("I-1", d => d with { Severity = Severity.Moderate });
        site.Incident("I-2", d => d with { Severity = Severity.Low });
        site.Incident("I-3", d => d with { Severity = Severity.Severe }, site.Action("A-3"));
        var fourth = site.Incident("I-4", d => d with { Severity = Severity.Death });
        site.Action("A-4", d => d with { Source = ActionSource.Incident, SourceRef = "I-4" }, source: fourth);

        var finding = Assert.Single(site.Findings(ChallengeCodes.IncNoAction));

        Assert.Equal("Incident I-1 (fall, moderate harm) of 10 November 2026 has no linked action.", finding.Finding);
    }

    [Fact]
    public void MatrixStale_RaisedTheDayAfterTheMatrixMonthIsMoreThan180DaysOld()
    {
        var site = new SiteRecords();
        site.Training(Day(2026, 5, 1), "ST-01", "Fire safety", Day(2026, 3, 1), Day(2027, 3, 1));

        Assert.Empty(site.Findings(ChallengeCodes.TrnMatrixStale, Day(2026, 11, 27)));
        var finding = Assert.Single(site.Findings(ChallengeCodes.TrnMatrixStale, Day(2026, 11, 28)));
        Assert.Equal(ChallengeSeverity.High, finding.Severity);
        Assert.Equal("The newest training matrix is for May 2026; it has been more than 180 days old since 27 November 2026.", finding.Finding);
    }

    [Fact]
    public void MatrixTooClean_TwentyStaffWithNothingOverdueOrMissing_IsLow_NineteenIsNot()
    {
        var clean = new SiteRecords();
        var small = new SiteRecords();
        for (var s = 1; s <= 20; s++)
        {
            clean.Training(Day(2026, 10, 1), $"ST-{s:00}", "Fire safety", Day(2026, 6, 1), Day(2027, 6, 1));
            if (s < 20)
            {
                small.Training(Day(2026, 10, 1), $"ST-{s:00}", "Fire safety", Day(2026, 6, 1), Day(2027, 6, 1));
            }
        }

        var finding = Assert.Single(clean.Findings(ChallengeCodes.TrnMatrixTooClean));
        Assert.Equal(ChallengeSeverity.Low, finding.Severity);
        Assert.Equal("The training matrix for October 2026 lists 20 staff and 20 course records with none overdue and none missing.", finding.Finding);
        Assert.Empty(small.Findings(ChallengeCodes.TrnMatrixTooClean));
    }

    [Fact]
    public void MatrixTooClean_OneMissingCompletion_IsEnoughToBelieveIt()
    {
        var site = new SiteRecords();
        for (var s = 1; s <= 20; s++)
        {
            site.Training(Day(2026, 10, 1), $"ST-{s:00}", "Fire safety", s == 7 ? null : Day(2026, 6, 1), Day(2027, 6, 1), plannedOn: s == 7 ? Day(2026, 12, 1) : null);
        }

        Assert.Empty(site.Findings(ChallengeCodes.TrnMatrixTooClean));
    }

    [Fact]
    public void OverdueNoPlan_ExpiredOrMissingMandatoryCourseWithoutAPlannedDate_IsRaised()
    {
        var site = new SiteRecords();
        var period = Day(2026, 10, 1);
        site.Training(period, "ST-01", "Fire safety", Day(2025, 11, 19), Day(2026, 11, 19), role: "Nurse");
        site.Training(period, "ST-02", "Fire safety", null, null);
        site.Training(period, "ST-03", "Fire safety", Day(2025, 11, 20), AsOf);
        site.Training(period, "ST-04", "Fire safety", null, null, plannedOn: Day(2026, 12, 1));
        site.Training(period, "ST-05", "Dementia awareness", null, null, mandatory: false);

        // The course that expired has a date its condition began; the one never done sorts after it.
        var finding = Assert.Single(site.Findings(ChallengeCodes.TrnOverdueNoPlan));
        Assert.Equal(["Training:ST-01/Fire safety", "Training:ST-02/Fire safety"], finding.Subjects.Select(s => s.ToString()));
        Assert.Equal(
            "2 expired or missing mandatory courses have no planned date. The oldest: ST-01 (Nurse) has mandatory Fire safety expired on 19 November 2026 and no planned date.",
            finding.Finding);
        Assert.Equal(Day(2026, 11, 19), finding.Since);
    }

    [Fact]
    public void OverdueNoPlan_ReadsOnlyTheNewestMatrix()
    {
        var site = new SiteRecords();
        site.Training(Day(2026, 9, 1), "ST-01", "Fire safety", null, null);
        site.Training(Day(2026, 10, 1), "ST-01", "Fire safety", Day(2026, 9, 15), Day(2027, 9, 15));

        Assert.Empty(site.Findings(ChallengeCodes.TrnOverdueNoPlan));
    }

    [Fact]
    public void SupervisionOverdue_91DaysSinceSupervision_Or366SinceAppraisal_IsRaised_AtTheLimitIsNot()
    {
        var site = new SiteRecords();
        var period = Day(2026, 10, 1);
        site.Supervision(period, "ST-01", SupervisionType.Supervision, AsOf.AddDays(-91));
        site.Supervision(period, "ST-01", SupervisionType.Appraisal, AsOf.AddDays(-365));
        site.Supervision(period, "ST-02", SupervisionType.Supervision, AsOf.AddDays(-90));
        site.Supervision(period, "ST-02", SupervisionType.Appraisal, AsOf.AddDays(-366));
        site.Supervision(period, "ST-03", SupervisionType.Supervision, AsOf.AddDays(-90));
        site.Supervision(period, "ST-03", SupervisionType.Appraisal, AsOf.AddDays(-365));
        site.Training(period, "ST-04", "Fire safety", Day(2026, 6, 1), Day(2027, 6, 1));

        // Oldest first: ST-02's appraisal ran out on 19 November 2026, ST-01's supervision on 19 November 2026 too, and ST-04 has no date.
        var finding = Assert.Single(site.Findings(ChallengeCodes.SupOverdue));
        Assert.Equal(["Supervision:ST-01", "Supervision:ST-02", "Supervision:ST-04"], finding.Subjects.Select(s => s.ToString()));
        Assert.Equal(
            "3 staff are overdue for supervision or appraisal. The oldest: ST-01 has had no supervision since 21 August 2026 (more than 90 days).",
            finding.Finding);
    }

    [Fact]
    public void InspectionNoResponse_MustDoWithoutAction_IsHigh_ShouldDoWithOnlyUnevidencedClosures_IsMedium()
    {
        var site = new SiteRecords();
        var inspected = Day(2026, 3, 1);
        site.Finding("F-1", FindingKind.MustDo, inspected);
        site.Finding("F-2", FindingKind.ShouldDo, inspected, site.Action("A-1", d => d with { Status = ActionStatus.Closed, ClosedOn = Day(2026, 5, 1), Outcome = "Done" }));
        site.Finding("F-3", FindingKind.MustDo, inspected, site.Action("A-3"));
        site.Finding("F-OLD", FindingKind.MustDo, Day(2024, 1, 10));

        var findings = site.Findings(ChallengeCodes.InspNoResponse);

        Assert.Equal(2, findings.Count);
        Assert.Equal(ChallengeSeverity.High, findings[0].Severity);
        Assert.Equal("The must-do finding F-1 of the inspection of 1 March 2026 (\"Systems to assess and monitor quality were not effective\") has no linked action.", findings[0].Finding);
        Assert.Equal(ChallengeSeverity.Medium, findings[1].Severity);
        Assert.Equal("The should-do finding F-2 of the inspection of 1 March 2026 (\"Systems to assess and monitor quality were not effective\") has only actions closed without evidence (A-1).", findings[1].Finding);
    }

    private static void Candid(SiteRecords site, DateOnly? writtenOn) =>
        site.Incident("I-1", d => d with
        {
            OccurredOn = Day(2026, 12, 18),
            Severity = Severity.Moderate,
            CandourApplies = true,
            CandourInPersonOn = Day(2026, 12, 18),
            ApologyGiven = true,
            CandourWrittenOn = writtenOn,
        }, site.Action("A-1", d => d with { RaisedOn = Day(2026, 12, 18), DueOn = Day(2027, 3, 1) }));
}
