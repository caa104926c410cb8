using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Challenges;

/// <summary>Section C of the catalogue: what the nominated individual sees across sites and over time.</summary>
public class ProviderRuleTests
{
    [Fact]
    public void SystemicRisk_AnAreaOpenAtThreeSites_IsRaisedAtEach_TwoIsLocal()
    {
        var site = new SiteRecords();
        site.Risk("R-1", d => d with { Area = AssuranceArea.Staffing });

        var finding = Assert.Single(site.Findings(ChallengeCodes.ProvSystemicRisk, provider: Picture(AssuranceArea.Staffing, 3)));

        Assert.Equal(ChallengeSeverity.Medium, finding.Severity);
        Assert.Equal("Staffing is an open recovery risk at 3 sites of the provider, this one included; 3 or more make it a systemic risk.", finding.Finding);
        Assert.Empty(site.Findings(ChallengeCodes.ProvSystemicRisk, provider: Picture(AssuranceArea.Staffing, 2)));
    }

    [Fact]
    public void PackMissing_AMonthWithoutAPackMoreThanTenDaysAfterItEnded_IsHigh()
    {
        var site = new SiteRecords();
        site.Packs(Day(2026, 7, 1), Day(2026, 9, 1));

        var findings = site.Findings(ChallengeCodes.ProvPackMissing);

        Assert.Equal(
            ["No pack has been uploaded for August 2026; it was due by 10 September 2026.", "No pack has been uploaded for October 2026; it was due by 10 November 2026."],
            findings.Select(f => f.Finding));
        Assert.All(findings, f => Assert.Equal(ChallengeSeverity.High, f.Severity));
    }

    [Fact]
    public void PackMissing_TenDaysAfterTheMonth_IsNotYetMissing()
    {
        var site = new SiteRecords();
        site.Packs(Day(2026, 9, 1));

        Assert.Empty(site.Findings(ChallengeCodes.ProvPackMissing, Day(2026, 11, 10)));
        Assert.Single(site.Findings(ChallengeCodes.ProvPackMissing, Day(2026, 11, 11)));
    }

    [Fact]
    public void PackMissing_IsCountedFromTheReportingMonth_NotFromTheFirstPack()
    {
        var site = new SiteRecords { ReportingFrom = Day(2026, 6, 1) };
        site.Packs(Day(2026, 8, 1));
        var joinedThisMonth = new SiteRecords { ReportingFrom = Day(2026, 11, 1) };

        var findings = site.Findings(ChallengeCodes.ProvPackMissing);

        Assert.Equal(["2026-06", "2026-07", "2026-09", "2026-10"], findings.Select(f => f.Key));
        Assert.Empty(joinedThisMonth.Findings(ChallengeCodes.ProvPackMissing));
    }

    [Fact]
    public void ChallengeUnanswered_OpenFifteenDaysWithNoResponse_IsRaised_FourteenIsNot()
    {
        var site = new SiteRecords();
        site.Action("A-1", d => d with { DueOn = AsOf.AddDays(-20), RaisedOn = AsOf.AddDays(-40) });

        var finding = Assert.Single(site.Findings(ChallengeCodes.ProvChallengeUnanswered, register: [Overdue(ChallengeStatus.Open, AsOf.AddDays(-15))]));

        Assert.Equal(ChallengeSeverity.Medium, finding.Severity);
        Assert.Equal("The challenge \"Open actions well past their due dates\" (ACT-OVERDUE) on action A-1 has been open since 5 November 2026 with no response from the site, more than 14 days.", finding.Finding);
        Assert.Empty(site.Findings(ChallengeCodes.ProvChallengeUnanswered, register: [Overdue(ChallengeStatus.Open, AsOf.AddDays(-14))]));
    }

    [Fact]
    public void ChallengeUnanswered_AnAnsweredChallenge_OrOneWhoseConditionCleared_IsNotChased()
    {
        var answered = new SiteRecords();
        answered.Action("A-1", d => d with { DueOn = AsOf.AddDays(-20), RaisedOn = AsOf.AddDays(-40) });
        var cleared = new SiteRecords();
        cleared.ClosedAction("A-1", AsOf.AddDays(-2));

        Assert.Empty(answered.Findings(ChallengeCodes.ProvChallengeUnanswered, register: [Overdue(ChallengeStatus.Responded, AsOf.AddDays(-30))]));
        Assert.Empty(cleared.Findings(ChallengeCodes.ProvChallengeUnanswered, register: [Overdue(ChallengeStatus.Open, AsOf.AddDays(-30))]));
    }

    private static ProviderPicture Picture(AssuranceArea area, int sites) => new(new Dictionary<AssuranceArea, int> { [area] = sites });

    private static ChallengeState Overdue(ChallengeStatus status, DateOnly openedOn) =>
        new(ChallengeCodes.ActOverdue, RolledUpFindings.SiteKey, status, ChallengeSeverity.Medium, openedOn, [new SubjectRef(RecordKind.Actions, "A-1")]);
}
