using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Trail;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Trail;

/// <summary>The inspector's exercise on hand-built months: it finds exactly the gaps put there, with their reasons.</summary>
public class TrailAuditTests
{
    private static readonly DateOnly October = Day(2026, 10, 1);

    [Fact]
    public void AMonthWithKnownGaps_FindsExactlyThoseGaps_WithTheirReasons()
    {
        var site = new SiteRecords();
        var meeting = site.Meeting("M-1", Day(2026, 10, 6));
        site.Decision("D-1", meeting, site.ClosedAction("A-1", Day(2026, 10, 20)));
        site.Decision("D-2", meeting, action: null);
        site.Decision("D-3", meeting, site.Action("A-3", d => d with { Owner = null, DueOn = Day(2026, 10, 15) }));
        site.Incident("I-1", d => d with
        {
            OccurredOn = Day(2026, 10, 1),
            Severity = Severity.Moderate,
            CqcNotifiable = true,
            NotificationType = NotificationType.SeriousInjury,
            NotificationSentOn = Day(2026, 10, 5),
            CandourApplies = true,
            CandourInPersonOn = Day(2026, 10, 2),
            ApologyGiven = true,
            CandourWrittenOn = Day(2026, 10, 16),
        });
        site.Incident("I-2", d => d with { OccurredOn = Day(2026, 10, 12) });
        site.Incident("I-OLD", d => d with { OccurredOn = Day(2026, 9, 30), Severity = Severity.Severe });
        site.Training(October, "S1", "Fire safety", Day(2025, 10, 12), Day(2026, 10, 12));
        site.Training(October, "S2", "Moving and handling", Day(2025, 10, 20), Day(2026, 10, 20));
        site.Training(October, "S3", "Safeguarding", Day(2026, 1, 5), Day(2027, 1, 5));
        site.Training(Day(2026, 11, 1), "S1", "Fire safety", Day(2026, 10, 10), Day(2027, 10, 10));
        site.Training(Day(2026, 11, 1), "S2", "Moving and handling", Day(2025, 10, 20), Day(2026, 10, 20));
        site.Supervision(October, "S1", SupervisionType.Supervision, Day(2026, 7, 3));
        site.Supervision(October, "S1", SupervisionType.Supervision, Day(2026, 10, 28));
        site.Supervision(October, "S2", SupervisionType.Supervision, Day(2026, 7, 10));
        site.Supervision(October, "S2", SupervisionType.Supervision, Day(2026, 10, 5));
        site.Finding("F-1", FindingKind.MustDo, Day(2026, 6, 1), site.ClosedAction("A-F", Day(2026, 9, 1)));
        site.Finding("F-2", FindingKind.ShouldDo, Day(2026, 6, 1));

        var audit = TrailAudit.Of(TrailEvidence.From(site.Build()), October, AsOf, ChallengeThresholds.Defaults, WorkingDays.EnglandAndWales);

        Assert.Equal(
            [
                "D-2 Action: The decision names no action, so nothing shows it was carried out.",
                "D-3 Owner: Action A-3 has no owner, so no one answers for it.",
                "D-3 Closure: Still open, 36 days past its due date of 15 October 2026.",
                "I-1 Notification: Notified on 5 October 2026, 4 days after the incident; the limit is 2 days.",
                "I-1 Written candour: Sent on 16 October 2026, after the 10-working-day deadline of 15 October 2026.",
                "I-1 Action: A moderate incident with no action recorded: nothing shows what was learned or changed.",
                "S2 Moving and handling Training update: Due 20 October 2026; the October 2026 and November 2026 matrices show no newer completion.",
                "S1 Supervision: Held on 28 October 2026, 27 days after it was due.",
                "F-2 Action: The should-do finding has no action: nothing shows what was done about it.",
            ],
            audit.Chains.SelectMany(c => c.Gaps.Select(g => $"{c.Ref} {g.Step}: {g.Reason}")));
        Assert.Equal(["D-1", "D-2", "D-3", "I-1", "I-2", "S1 Fire safety", "S2 Moving and handling", "S1", "S2", "F-2"], audit.Chains.Select(c => c.Ref));
        Assert.Equal(4, audit.Complete);
        Assert.Equal(0.4, audit.ShareComplete, 3);
        Assert.Equal(("Action", 3), audit.GapsByStep[0]);
    }

    [Fact]
    public void ACleanMonth_FindsNoGaps()
    {
        var site = new SiteRecords();
        site.MinutedMeeting("M-1", Day(2026, 10, 6));
        site.Incident("I-1", d => d with
        {
            OccurredOn = Day(2026, 10, 1),
            Severity = Severity.Moderate,
            CqcNotifiable = true,
            NotificationType = NotificationType.SeriousInjury,
            NotificationSentOn = Day(2026, 10, 2),
            CandourApplies = true,
            CandourInPersonOn = Day(2026, 10, 1),
            ApologyGiven = true,
            CandourWrittenOn = Day(2026, 10, 8),
        }, site.ClosedAction("A-I", Day(2026, 10, 25)));
        site.Training(October, "S1", "Fire safety", Day(2025, 10, 12), Day(2026, 10, 12));
        site.Training(Day(2026, 11, 1), "S1", "Fire safety", Day(2026, 10, 10), Day(2027, 10, 10));

        var audit = TrailAudit.Of(TrailEvidence.From(site.Build()), October, AsOf, ChallengeThresholds.Defaults, WorkingDays.EnglandAndWales);

        Assert.Equal(3, audit.Chains.Count);
        Assert.Equal(0, audit.GapCount);
        Assert.Equal(1.0, audit.ShareComplete);
    }

    [Fact]
    public void TrainingAndSupervisionDue_AreReadFromTheRecordBeforeTheMonth_AndARenewalAfterTheDueDayIsLate()
    {
        var site = new SiteRecords();
        var september = Day(2026, 9, 1);
        site.Training(september, "S1", "Fire safety", Day(2025, 10, 5), Day(2026, 10, 5));
        site.Training(september, "S2", "Infection control", Day(2025, 10, 15), Day(2026, 10, 15));
        site.Training(October, "S1", "Fire safety", Day(2026, 10, 1), Day(2027, 10, 1));
        site.Training(October, "S2", "Infection control", Day(2025, 10, 15), Day(2026, 10, 15));
        site.Training(Day(2026, 11, 1), "S2", "Infection control", Day(2026, 11, 3), Day(2027, 11, 3));
        site.Supervision(september, "S1", SupervisionType.Supervision, Day(2026, 7, 20));
        site.Supervision(Day(2026, 11, 1), "S1", SupervisionType.Supervision, Day(2026, 10, 15));

        var audit = TrailAudit.Of(TrailEvidence.From(site.Build()), October, AsOf, ChallengeThresholds.Defaults, WorkingDays.EnglandAndWales);

        Assert.Equal(["S1 Fire safety", "S2 Infection control", "S1"], audit.Chains.Select(c => c.Ref));
        Assert.Equal(
            ["Completed on 3 November 2026, 19 days after it was due on 15 October 2026."],
            audit.Chains.SelectMany(c => c.Gaps).Select(g => g.Reason));
        Assert.Equal("Held 15 October 2026", audit.Chains[2].Links[^1].Found);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Notification_OnTheLastAllowedDay_IsOnTime_AndTheDayAfterIsLate(int sentOnDay, bool late)
    {
        var site = new SiteRecords();
        site.Incident("I-1", d => d with { OccurredOn = Day(2026, 10, 1), CqcNotifiable = true, NotificationType = NotificationType.Abuse, NotificationSentOn = Day(2026, 10, sentOnDay) });

        var chain = TrailAudit.Of(TrailEvidence.From(site.Build()), October, AsOf, ChallengeThresholds.Defaults, WorkingDays.EnglandAndWales).Chains.Single(c => c.Kind == TrailItemKind.Incident);

        Assert.Equal(late, chain.Links.Single(l => l.Step == "Notification").IsGap);
    }

    [Theory]
    [InlineData(2026, 12, 23, 2027, 1, 11, false)]
    [InlineData(2026, 12, 23, 2027, 1, 12, true)]
    public void WrittenCandour_CountsWorkingDays_SkippingChristmasAndNewYear(int y, int m, int d, int wy, int wm, int wd, bool late)
    {
        var site = new SiteRecords();
        var occurred = new DateOnly(y, m, d);
        site.Incident("I-1", x => x with { OccurredOn = occurred, CandourApplies = true, CandourInPersonOn = occurred, ApologyGiven = true, CandourWrittenOn = new DateOnly(wy, wm, wd) });

        var chain = TrailAudit.Of(TrailEvidence.From(site.Build()), new DateOnly(y, m, 1), new DateOnly(2027, 2, 1), ChallengeThresholds.Defaults, WorkingDays.EnglandAndWales).Chains.Single(c => c.Kind == TrailItemKind.Incident);

        Assert.Equal(late, chain.Links.Single(l => l.Step == "Written candour").IsGap);
    }

    [Fact]
    public void AMonthWithoutItsTrainingMatrix_IsOneGapSayingSo()
    {
        var site = new SiteRecords();

        var chain = Assert.Single(TrailAudit.Of(TrailEvidence.From(site.Build()), October, AsOf, ChallengeThresholds.Defaults, WorkingDays.EnglandAndWales).Chains);

        Assert.Equal("No training matrix was sent for October 2026, so no dated update that month can be shown.", Assert.Single(chain.Gaps).Reason);
    }

    [Fact]
    public void TheRandomMonth_IsOneOfTheLastTwelveCompleteMonths_AndTheSameForTheSameSeed()
    {
        var today = Day(2026, 11, 23);
        var months = Enumerable.Range(0, 200).Select(seed => TrailAudit.RandomMonth(seed, today)).ToList();

        Assert.All(months, m => Assert.InRange(m, Day(2025, 11, 1), Day(2026, 10, 1)));
        Assert.Equal(12, months.Distinct().Count());
        Assert.Equal(TrailAudit.RandomMonth(4242, today), TrailAudit.RandomMonth(4242, today));
    }
}
