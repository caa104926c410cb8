using Verivius.Domain.Common;

namespace Verivius.Domain.Challenges;

/// <summary>A provider's own thresholds for the challenge rules; a provider without one uses the defaults.</summary>
public sealed class ChallengeSettings : Entity
{
    private ChallengeSettings()
    {
    }

    public ChallengeSettings(Guid providerId)
    {
        ProviderId = providerId;
        Thresholds = ChallengeThresholds.Defaults;
    }

    public Guid ProviderId { get; private set; }

    public ChallengeThresholds Thresholds { get; private set; } = ChallengeThresholds.Defaults;

    public void Change(ChallengeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Problems() is { Count: > 0 } problems)
        {
            throw new DomainException(string.Join(" ", problems.Select(p => p.Problem)));
        }

        Thresholds = thresholds;
    }
}
