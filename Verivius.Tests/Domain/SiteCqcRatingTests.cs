using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;

namespace Verivius.Tests.Domain;

/// <summary>A site's CQC rating is kept only with the day CQC published it, never from the future.</summary>
public class SiteCqcRatingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void ARating_IsKeptWithItsDay_AndCanBeCleared()
    {
        var site = NewSite();

        site.RecordCqcRating(QualityRating.RequiresImprovement, new DateOnly(2025, 3, 14), Today);
        var recorded = (site.CqcRating, site.CqcRatingPublishedOn);
        site.RecordCqcRating(null, null, Today);

        Assert.Equal((QualityRating.RequiresImprovement, new DateOnly(2025, 3, 14)), recorded);
        Assert.Equal((null, null), (site.CqcRating, site.CqcRatingPublishedOn));
    }

    [Theory]
    [InlineData(QualityRating.Good, null, "Enter the day CQC published the rating.")]
    [InlineData(null, "2025-03-14", "Choose the rating CQC published on that day, or clear the date.")]
    [InlineData(QualityRating.Good, "2026-12-04", "CQC cannot have published the rating after today (3 December 2026).")]
    [InlineData((QualityRating)9, "2025-03-14", "Choose one of CQC's four ratings, or none if the service is not rated yet.")]
    public void AnIncompleteOrImpossibleRating_IsRefused_AndTheOldOneKept(QualityRating? rating, string? publishedOn, string refusal)
    {
        var site = NewSite();
        site.RecordCqcRating(QualityRating.Outstanding, new DateOnly(2024, 1, 10), Today);

        var refused = Assert.Throws<DomainException>(() => site.RecordCqcRating(rating, publishedOn is null ? null : DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture), Today));

        Assert.Equal(refusal, refused.Message);
        Assert.Equal((QualityRating.Outstanding, new DateOnly(2024, 1, 10)), (site.CqcRating, site.CqcRatingPublishedOn));
    }

    private static Site NewSite() => new(Guid.NewGuid(), "1-101000001", "Beech House", ServiceType.CareHome, Today);
}
