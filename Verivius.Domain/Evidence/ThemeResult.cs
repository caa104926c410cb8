namespace Verivius.Domain.Evidence;

public enum ThemeResult
{
    Met,
    PartlyMet,
    NotMet,
}
