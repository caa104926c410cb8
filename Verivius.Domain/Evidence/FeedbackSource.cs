namespace Verivius.Domain.Evidence;

/// <summary>Who gave the feedback; it decides the feedback's evidence category.</summary>
public enum FeedbackSource
{
    Person,
    Family,
    Staff,
    Professional,
    Commissioner,
}
