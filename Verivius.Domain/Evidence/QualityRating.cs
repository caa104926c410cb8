namespace Verivius.Domain.Evidence;

/// <summary>CQC's four ratings, best first.</summary>
public enum QualityRating
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}
