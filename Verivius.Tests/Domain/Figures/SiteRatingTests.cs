using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;

namespace Verivius.Tests.Domain.Figures;

/// <summary>The one rating rule of the provider view and the board pack, worked by hand.</summary>
public class SiteRatingTests
{
    private static readonly SiteMeasures Clean = new(
        PackReceived: true, WorseningRisks: 0, RisksNotImproving: 0, OverdueActions: 0, OpenChallenges: 0, HighChallenges: 0,
        Notifiable: 4, NotifiedLate: 0, Training: new StaffCount(40, 38), Supervision: new StaffCount(40, 36));

    [Fact]
    public void ASiteWithNothingWrong_IsGreen_WithNoReasons()
    {
        var rating = SiteRating.Of(Clean, ChallengeThresholds.Defaults);

        Assert.Equal(RagRating.Green, rating.Rating);
        Assert.Empty(rating.Reasons);
    }

    [Fact]
    public void ASiteThatHasSentNoPackYet_IsAmber_NotGreen_ForNothingEvidencesIt()
    {
        var justJoined = Clean with { Notifiable = 0, Training = null, Supervision = null, NoPackYet = true };

        var rating = SiteRating.Of(justJoined, ChallengeThresholds.Defaults);

        Assert.Equal(RagRating.Amber, rating.Rating);
        Assert.Equal(["no pack has arrived yet, so nothing is evidenced"], rating.Reasons.Select(r => r.Text));
    }

    [Fact]
    public void EachAmberMeasure_SaysWhy_WithItsNumbers()
    {
        var rating = SiteRating.Of(
            Clean with { OverdueActions = 3, OpenChallenges = 2, NotifiedLate = 1, RisksNotImproving = 1, Training = new StaffCount(40, 35) },
            ChallengeThresholds.Defaults);

        Assert.Equal(RagRating.Amber, rating.Rating);
        Assert.Equal(
            [
                "88% of staff have their mandatory training in date (below 90%)",
                "1 of 4 notifications to CQC in 12 months were late or not sent",
                "3 actions are overdue",
                "2 other challenges are open",
                "1 recovery risk is not changing",
            ],
            rating.Reasons.Select(r => r.Text));
    }

    [Fact]
    public void AnyRedMeasure_MakesItRed_RedReasonsFirst_AndTheLinesAreTheProvidersOwn()
    {
        var measures = Clean with { OverdueActions = 1, Supervision = new StaffCount(40, 19), HighChallenges = 2, OpenChallenges = 2 };

        var byDefault = SiteRating.Of(measures, ChallengeThresholds.Defaults);
        var lenient = SiteRating.Of(measures with { HighChallenges = 0, OpenChallenges = 0 }, ChallengeThresholds.Defaults with { SupervisionRedBelowPercent = 40, SupervisionAmberBelowPercent = 45 });

        Assert.Equal(RagRating.Red, byDefault.Rating);
        Assert.Equal(
            [RatingReasonKind.HighChallenges, RatingReasonKind.SupervisionLow, RatingReasonKind.ActionsOverdue],
            byDefault.Reasons.Select(r => r.Kind));
        Assert.Equal("48% of staff were supervised on time (below 50%)", byDefault.Reasons[1].Text);
        Assert.Equal(RagRating.Amber, lenient.Rating);
        Assert.Equal([RatingReasonKind.ActionsOverdue], lenient.Reasons.Select(r => r.Kind));
        Assert.Equal(RagRating.Red, SiteRating.Of(Clean with { PackReceived = false }, ChallengeThresholds.Defaults).Rating);
        Assert.Equal(RagRating.Red, SiteRating.Of(Clean with { WorseningRisks = 1 }, ChallengeThresholds.Defaults).Rating);
    }

    [Fact]
    public void NoMatrixForTheMonth_IsNotJudged_AsLowTraining()
    {
        var rating = SiteRating.Of(Clean with { Training = null, Supervision = new StaffCount(0, 0) }, ChallengeThresholds.Defaults);

        Assert.Equal(RagRating.Green, rating.Rating);
    }

    [Fact]
    public void WorstFirst_RanksByRating_ThenRedReasons_ThenHighChallenges_ThenTheRest_ThenName()
    {
        var sites = new (string Name, SiteMeasures Measures)[]
        {
            ("Ash", Clean),
            ("Beech", Clean with { OverdueActions = 1 }),
            ("Cedar", Clean with { HighChallenges = 9, OpenChallenges = 9 }),
            ("Damson", Clean with { HighChallenges = 1, OpenChallenges = 1, PackReceived = false }),
            ("Elm", Clean with { HighChallenges = 2, OpenChallenges = 2 }),
            ("Fir", Clean with { OverdueActions = 1, OpenChallenges = 1 }),
            ("Alder", Clean with { OverdueActions = 1 }),
        };

        var ranked = SiteRating.WorstFirst(sites, s => SiteRating.Of(s.Measures, ChallengeThresholds.Defaults), s => s.Name).Select(s => s.Name);

        Assert.Equal(["Damson", "Cedar", "Elm", "Fir", "Alder", "Beech", "Ash"], ranked);
    }

    [Fact]
    public void TheRuleInWords_NamesTheProvidersLines()
    {
        var words = SiteRating.RuleInWords(ChallengeThresholds.Defaults with { TrainingRedBelowPercent = 60 });

        Assert.Contains("fewer than 60% of staff have their mandatory training in date", words, StringComparison.Ordinal);
        Assert.Contains("supervision below 80%", words, StringComparison.Ordinal);
    }
}
