namespace Verivius.Domain.Evidence;

/// <summary>The statutory notifications a registered provider sends CQC without delay.</summary>
public enum NotificationType
{
    Death,
    SeriousInjury,
    Abuse,
    Police,
    DoLS,
    ServiceDisruption,
    Other,
}
