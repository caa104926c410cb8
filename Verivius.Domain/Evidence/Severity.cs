namespace Verivius.Domain.Evidence;

/// <summary>The harm an incident caused, in increasing order.</summary>
public enum Severity
{
    None,
    Low,
    Moderate,
    Severe,
    Death,
}
