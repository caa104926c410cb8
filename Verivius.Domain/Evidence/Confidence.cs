namespace Verivius.Domain.Evidence;

public enum Confidence
{
    Strong,
    Qualified,
    Weak,
}
