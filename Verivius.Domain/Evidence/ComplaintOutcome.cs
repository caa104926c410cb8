namespace Verivius.Domain.Evidence;

public enum ComplaintOutcome
{
    Upheld,
    PartlyUpheld,
    NotUpheld,
    Open,
}
