namespace Verivius.Domain.Evidence;

public enum ActionStatus
{
    Open,
    InProgress,
    Closed,
}
