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

    [Fact]
    public void AListSummaryBuiltFromChoices_ReadsAsWords_WhileTypedSummariesAreLeftAsTyped()
    {
        var incidents = RecordCatalogue.Of(RecordKind.Incidents);
        var actions = RecordCatalogue.Of(RecordKind.Actions);

        Assert.Equal("Pressure ulcer, Moderate", incidents.SummaryInWords("PressureUlcer, Moderate"));
        Assert.Equal("Provider oversight meeting", RecordCatalogue.Of(RecordKind.Meetings).SummaryInWords("ProviderOversight meeting"));
        Assert.Equal("Call Mrs McDonald's family", actions.SummaryInWords("Call Mrs McDonald's family"));
    }
}
