namespace Verivius.Domain.Evidence;

/// <summary>CQC's six evidence categories, the lens through which evidence is triangulated.</summary>
public enum EvidenceCategory
{
    PeoplesExperience,
    StaffAndLeaders,
    Partners,
    Observation,
    Processes,
    Outcomes,
}
