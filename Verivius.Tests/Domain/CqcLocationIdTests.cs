using Verivius.Domain.Common;
using Verivius.Domain.Sites;

namespace Verivius.Tests.Domain;

public class CqcLocationIdTests
{
    [Theory]
    [InlineData("1-123456789")]
    [InlineData("1-12345678")]
    [InlineData("1-12345678901")]
    public void RealShapes_AreAccepted(string code) => Assert.Null(CqcLocationId.Problem(code));

    [Theory]
    [InlineData("", "missing")]
    [InlineData("123456789", "not a CQC location ID")]
    [InlineData("1-1234", "not a CQC location ID")]
    [InlineData("RXH-01", "not a CQC location ID")]
    public void OtherValues_AreRefusedWithTheReason(string code, string reason) =>
        Assert.Contains(reason, CqcLocationId.Problem(code), StringComparison.Ordinal);

    [Fact]
    public void Site_RefusesABadCodeAndAnEmptyName()
    {
        Assert.Throws<DomainException>(() => new Site(Guid.NewGuid(), "12", "Beech House", ServiceType.CareHome, new DateOnly(2026, 12, 1)));
        Assert.Throws<DomainException>(() => new Site(Guid.NewGuid(), "1-123456789", "  ", ServiceType.CareHome, new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("care home", ServiceType.CareHome)]
    [InlineData("Nursing-Home", ServiceType.NursingHome)]
    [InlineData("HOMECARE", ServiceType.HomeCare)]
    public void ServiceTypes_AreReadAsPeopleWriteThem(string text, ServiceType expected)
    {
        Assert.True(ServiceTypes.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("hospital")]
    public void ServiceTypes_RefuseNumbersAndUnknownWords(string text) => Assert.False(ServiceTypes.TryParse(text, out _));
}
