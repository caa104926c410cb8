namespace Verivius.Domain.Evidence;

public enum RiskTrend
{
    Worsening,
    NoChange,
    Improving,
    Resolved,
}
