namespace Verivius.Domain.Evidence;

/// <summary>A record that shows something happened, as <c>challenge-rules.md</c> places it: a category and a date.</summary>
public interface IEvidence
{
    EvidenceCategory Category { get; }

    /// <summary>The record's own date: held, received, occurred, the week, the closure, the upload.</summary>
    DateOnly EvidenceDate { get; }
}
