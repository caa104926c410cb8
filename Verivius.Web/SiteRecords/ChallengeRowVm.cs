using Verivius.Domain.Challenges;

namespace Verivius.Web.SiteRecords;

/// <summary>One challenge as the registers and the CSV export list it.</summary>
public sealed class ChallengeRowVm
{
    public Guid Id { get; init; }

    public string SiteCode { get; init; } = "";

    public string SiteName { get; init; } = "";

    public string Code { get; init; } = "";

    public ChallengeSeverity Severity { get; init; }

    public ChallengeStatus Status { get; init; }

    public string Subjects { get; init; } = "";

    public string Finding { get; init; } = "";

    public DateOnly RaisedOn { get; init; }

    /// <summary>When the condition first held, as ages count.</summary>
    public DateOnly OpenSince { get; init; }

    public DateOnly UpdatedOn { get; init; }

    public bool Escalated { get; init; }

    /// <summary>The first record the challenge is about, as the register shows it.</summary>
    public string Subject => Subjects.Split('\n', 2)[0];
}
