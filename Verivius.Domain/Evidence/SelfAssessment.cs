namespace Verivius.Domain.Evidence;

/// <summary>The leaders' own rating of one quality statement, as of the pack that last sent it.</summary>
public sealed class SelfAssessment : SiteRecord
{
    private SelfAssessment()
    {
    }

    public SelfAssessment(Guid siteId, SelfAssessmentDetails details)
        : base(siteId, details.QualityStatement) => Details = details;

    public SelfAssessmentDetails Details { get; private set; } = null!;

    public override RecordKind Kind => RecordKind.SelfAssessment;

    public void Record(SelfAssessmentDetails details) => Details = details;
}

public sealed record SelfAssessmentDetails(string QualityStatement, QualityRating Rating, string? Narrative)
{
    public static SelfAssessmentDetails Read(IRowCells r) => new(
        r.RequiredText("QualityStatement"), r.RequiredChoice<QualityRating>("Rating"), r.Text("Narrative"));
}
