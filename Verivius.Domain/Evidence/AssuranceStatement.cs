namespace Verivius.Domain.Evidence;

/// <summary>A claim by leaders ("staffing is stable") with its rating, confidence and the evidence it cites.</summary>
public sealed class AssuranceStatement : SiteRecord
{
    private AssuranceStatement()
    {
    }

    public AssuranceStatement(Guid siteId, AssuranceDetails details)
        : base(siteId, details.StatementRef) => Details = details;

    public AssuranceDetails Details { get; private set; } = null!;

    public override RecordKind Kind => RecordKind.Assurance;

    public void Record(AssuranceDetails details) => Details = details;
}

public sealed record AssuranceDetails(
    string StatementRef,
    AssuranceArea Area,
    string Statement,
    RagRating Rating,
    Confidence Confidence,
    string? EvidenceRefs,
    string? QualityStatement)
{
    public static AssuranceDetails Read(IRowCells r) => new(
        r.RequiredText("StatementRef"), r.RequiredChoice<AssuranceArea>("Area"), r.RequiredText("Statement"), r.RequiredChoice<RagRating>("Rating"),
        r.RequiredChoice<Confidence>("Confidence"), r.EvidenceRefs("EvidenceRefs"), r.Text("QualityStatement"));
}
