using Verivius.Domain.Evidence;

namespace Verivius.Web.SiteRecords;

/// <summary>One recovery risk as a commissioner may read it.</summary>
public sealed record RecoveryPositionVm(AssuranceArea Area, string Risk, string? Target, RiskTrend Trend, DateOnly? ReviewOn)
{
    public bool HasImproved => Trend is RiskTrend.Improving or RiskTrend.Resolved;
}
