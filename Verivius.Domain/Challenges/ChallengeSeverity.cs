namespace Verivius.Domain.Challenges;

/// <summary>How much a challenge matters, most first.</summary>
public enum ChallengeSeverity
{
    High,
    Medium,
    Low,
}
