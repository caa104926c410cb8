namespace Verivius.Domain.Evidence;

/// <summary>The areas that assurance statements, recovery risks, actions and audit themes are about.</summary>
public enum AssuranceArea
{
    Staffing,
    Documentation,
    Medication,
    Safeguarding,
    Complaints,
    Training,
    Governance,
    Infection,
    Other,
}
