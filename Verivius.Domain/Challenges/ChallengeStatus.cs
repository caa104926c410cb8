namespace Verivius.Domain.Challenges;

/// <summary>
/// Where a challenge is in its lifecycle: <c>Open</c> → (the site answers) <c>Responded</c> → (the NI)
/// <c>Accepted</c>, or <c>Escalated</c> (still open, flagged for the board) → <c>Closed</c>. A rule's
/// challenge whose condition no longer holds is <c>Closed</c> with the reason "condition cleared".
/// </summary>
public enum ChallengeStatus
{
    Open,
    Responded,
    Escalated,
    Accepted,
    Closed,
}

public static class ChallengeStatuses
{
    /// <summary>The statuses of a challenge still waiting on someone.</summary>
    public static IReadOnlyList<ChallengeStatus> Active { get; } = [ChallengeStatus.Open, ChallengeStatus.Responded, ChallengeStatus.Escalated];

    public static bool IsActive(this ChallengeStatus status) => status is ChallengeStatus.Open or ChallengeStatus.Responded or ChallengeStatus.Escalated;
}
