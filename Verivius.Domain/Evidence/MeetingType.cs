namespace Verivius.Domain.Evidence;

public enum MeetingType
{
    Governance,
    Quality,
    Staff,
    Residents,
    ProviderOversight,
    Other,
}
