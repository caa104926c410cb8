using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;

namespace Verivius.Tests.Domain;

/// <summary>A published rating's age in words, and the six-year line after which CQC inspects first.</summary>
public class RatingAgeTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("2026-11-20", "less than a month")]
    [InlineData("2026-11-03", "1 month")]
    [InlineData("2025-12-04", "11 months")]
    [InlineData("2025-12-03", "1 year")]
    [InlineData("2024-09-02", "2 years 3 months")]
    public void TheAge_IsCountedInWholeMonths(string publishedOn, string words) =>
        Assert.Equal(words, RatingAge.InWords(DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void ARating_IsStale_OnlyOnceItIsMoreThanSixYearsOld()
    {
        Assert.False(RatingAge.IsStale(new DateOnly(2020, 12, 3), Today));
        Assert.True(RatingAge.IsStale(new DateOnly(2020, 12, 2), Today));
    }

    [Fact]
    public void TheRating_ReadsWithItsKeyQuestionAgeAndFlag()
    {
        Assert.Equal(
            "Requires improvement, Well-led: Inadequate (published 2 December 2020, 6 years ago: over six years old)",
            RatingAge.Describe(QualityRating.RequiresImprovement, QualityRating.Inadequate, new DateOnly(2020, 12, 2), Today));
        Assert.Equal("Good (published 3 March 2026, 9 months ago)", RatingAge.Describe(QualityRating.Good, null, new DateOnly(2026, 3, 3), Today));
        Assert.Equal("Not recorded", RatingAge.Describe(null, null, null, Today));
    }

    [Fact]
    public void AWellLedRatingOrReport_NeedsTheOverallRating_AndTheReportMustBeAnHttpsAddress()
    {
        var site = new Site(Guid.NewGuid(), "1-101000001", "Beech House", ServiceType.CareHome, Today);

        var alone = Assert.Throws<DomainException>(() => site.RecordCqcRating(null, null, Today, QualityRating.Good));
        var plain = Assert.Throws<DomainException>(() => site.RecordCqcRating(QualityRating.Good, Today, Today, reportUrl: "http://www.cqc.org.uk/location/1-101000001"));
        site.RecordCqcRating(QualityRating.Good, Today, Today, QualityRating.Outstanding, " https://www.cqc.org.uk/location/1-101000001 ");

        Assert.StartsWith("A Well-led rating or a report comes with the overall rating", alone.Message, StringComparison.Ordinal);
        Assert.StartsWith("The report's address must be a web address starting https://", plain.Message, StringComparison.Ordinal);
        Assert.Equal((QualityRating.Outstanding, "https://www.cqc.org.uk/location/1-101000001"), (site.CqcWellLedRating, site.CqcReportUrl));
    }
}
