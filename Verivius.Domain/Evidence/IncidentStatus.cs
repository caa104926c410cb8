namespace Verivius.Domain.Evidence;

public enum IncidentStatus
{
    Open,
    Closed,
}
