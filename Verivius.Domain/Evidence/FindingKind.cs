namespace Verivius.Domain.Evidence;

/// <summary>A must-do is a breach of regulation; a should-do is an improvement CQC expects.</summary>
public enum FindingKind
{
    MustDo,
    ShouldDo,
}
