namespace Verivius.Domain.Evidence;

public enum IncidentCategory
{
    Fall,
    Medication,
    Safeguarding,
    PressureUlcer,
    Behaviour,
    MissingPerson,
    Infection,
    Death,
    Other,
}
