namespace Verivius.Domain.Evidence;

public enum SupervisionType
{
    Supervision,
    Appraisal,
}
