namespace Verivius.Domain.Evidence;

public enum RagRating
{
    Green,
    Amber,
    Red,
}
