using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Domain.Readiness;
using Verivius.Tests.Builders;
using static Verivius.Tests.Builders.SiteRecords;

namespace Verivius.Tests.Domain.Readiness;

public class WellLedReadinessTests
{
    private static readonly StatementEvidence Learning = new("WL7", "Learning, improvement and innovation", new HashSet<RecordKind> { RecordKind.Complaints, RecordKind.Incidents, RecordKind.Audits, RecordKind.Feedback });
    private static readonly StatementEvidence Partnerships = new("WL6", "Partnerships and communities", new HashSet<RecordKind> { RecordKind.Feedback, RecordKind.Meetings });

    [Fact]
    public void EachCell_CountsTheLastTwelveMonthsRecordsOfTheMappedKindsInItsCategory_AsCountedByHand()
    {
        var site = new SiteRecords();
        site.Complaint("C-1");
        site.Incident("I-1");
        site.Incident("I-OLD", d => d with { OccurredOn = Day(2025, 10, 1) });
        site.Audit("AUD-1", "Care plans", Day(2026, 6, 1), 90);
        site.Audit("AUD-2", "Dining observation", Day(2026, 7, 1), 90);
        site.Audit("AUD-3", "Medicines", Day(2026, 9, 14), 80);
        site.Feedback("F-1", d => d with { From = FeedbackSource.Professional });
        site.SelfAssessment("Learning, improvement and innovation", QualityRating.Outstanding);
        site.SelfAssessment("WL6", QualityRating.Outstanding);

        var rows = WellLedReadiness.Of(site.Build(), AsOf, [Learning, Partnerships]);

        var learning = rows[0];
        Assert.Equal(
            [(EvidenceCategory.PeoplesExperience, 1), (EvidenceCategory.StaffAndLeaders, 0), (EvidenceCategory.Partners, 1), (EvidenceCategory.Observation, 1), (EvidenceCategory.Processes, 2), (EvidenceCategory.Outcomes, 1)],
            learning.Cells.Select(c => (c.Category, c.Count)));
        Assert.Equal(Day(2026, 9, 14), learning.Cells.Single(c => c.Category == EvidenceCategory.Processes).Newest);
        Assert.Equal(5, learning.CategoriesCovered);
        Assert.Equal(QualityRating.Outstanding, learning.EvidenceLevel);
        Assert.False(learning.RunsAhead);

        var partnerships = rows[1];
        Assert.Equal(1, partnerships.CategoriesCovered);
        Assert.Equal(QualityRating.RequiresImprovement, partnerships.EvidenceLevel);
        Assert.Equal(QualityRating.Outstanding, partnerships.SelfAssessed);
        Assert.True(partnerships.RunsAhead);
    }
}
