namespace Verivius.Domain.Evidence;

public enum Sentiment
{
    Positive,
    Neutral,
    Negative,
}
