using Verivius.Domain.Evidence;

namespace Verivius.Domain.Challenges;

/// <summary>
/// Which of the engine's findings make an incident count as notified to CQC late, or followed up late
/// under the duty of candour, in <see cref="Figures.Measures.NotifiedOnTime"/> and <see cref="Figures.Measures.CandourOnTime"/>:
/// a finding on the incident, keyed by it, whose condition holds.
/// </summary>
public static class IncidentTimeliness
{
    public static readonly string[] NotificationLateCodes = [ChallengeCodes.IncNotificationLate, ChallengeCodes.IncNotificationMissing];

    public const string CandourLateCode = ChallengeCodes.IncCandourLate;

    /// <summary>The start of the key of a finding on one incident; the incident's reference follows.</summary>
    public static readonly string KeyPrefix = $"{RecordKind.Incidents}:";

    /// <summary>The reference of the incident whose timeliness the challenge judges, or null when it judges none.</summary>
    public static string? IncidentJudgedBy(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return (NotificationLateCodes.Contains(challenge.Code) || challenge.Code == CandourLateCode) && challenge.Key.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? challenge.Key[KeyPrefix.Length..]
            : null;
    }
}
