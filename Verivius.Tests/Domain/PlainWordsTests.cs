using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;

namespace Verivius.Tests.Domain;

public class PlainWordsTests
{
    [Fact]
    public void AValue_ReadsAsWords_AndTextThatIsAlreadyWords_IsLeftAlone()
    {
        Assert.Equal("No change", PlainWords.Of(RiskTrend.NoChange));
        Assert.Equal("Care home", PlainWords.Of(ServiceType.CareHome));
        Assert.Equal("CQC notifiable", PlainWords.Of("CqcNotifiable"));
        Assert.Equal("pressure ulcer", PlainWords.InSentence(IncidentCategory.PressureUlcer));
        Assert.Equal("5 of 100 shifts unfilled", PlainWords.Of("5 of 100 shifts unfilled"));
        Assert.Equal("88%", PlainWords.Of("88%"));
    }
}
