namespace Verivius.Domain.Evidence;

/// <summary>A priority risk on the site's recovery map, with its current action, owner, review route and target.</summary>
public sealed class RecoveryRisk : SiteRecord
{
    private RecoveryRisk()
    {
    }

    public RecoveryRisk(Guid siteId, RecoveryDetails details)
        : base(siteId, details.RiskRef) => Details = details;

    public RecoveryDetails Details { get; private set; } = null!;

    public Guid? CurrentActionId { get; private set; }

    public override RecordKind Kind => RecordKind.Recovery;

    public void Record(RecoveryDetails details, Guid? currentActionId)
    {
        Details = details;
        CurrentActionId = currentActionId;
    }
}

public sealed record RecoveryDetails(
    string RiskRef,
    AssuranceArea Area,
    string Risk,
    string? BaselineIssue,
    string? Target,
    string? CurrentActionRef,
    string? EvidenceSource,
    string? Owner,
    string? ReviewRoute,
    DateOnly? ReviewOn,
    RiskTrend Trend,
    string? EvidenceRefs)
{
    public static RecoveryDetails Read(IRowCells r) => new(
        r.RequiredText("RiskRef"), r.RequiredChoice<AssuranceArea>("Area"), r.RequiredText("Risk"), r.Text("BaselineIssue"), r.Text("Target"),
        r.Text("CurrentActionRef"), r.Text("EvidenceSource"), r.Text("Owner"), r.Text("ReviewRoute"), r.Date("ReviewOn"),
        r.RequiredChoice<RiskTrend>("Trend"), r.EvidenceRefs("EvidenceRefs"));
}
