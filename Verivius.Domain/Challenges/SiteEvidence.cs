using Verivius.Domain.Evidence;

namespace Verivius.Domain.Challenges;

/// <summary>
/// Everything a site keeps that the challenge rules read. Records dated after the as-of date are
/// ignored by the rules, so the same evidence can be judged as of any day.
/// </summary>
public sealed class SiteEvidence
{
    public required Guid SiteId { get; init; }

    public IReadOnlyList<ImprovementAction> Actions { get; init; } = [];

    public IReadOnlyList<GovernanceMeeting> Meetings { get; init; } = [];

    public IReadOnlyList<MeetingDecision> Decisions { get; init; } = [];

    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    public IReadOnlyList<Complaint> Complaints { get; init; } = [];

    public IReadOnlyList<Audit> Audits { get; init; } = [];

    public IReadOnlyList<StaffingWeek> Staffing { get; init; } = [];

    /// <summary>Training matrix rows; only the newest month's matrix on or before the as-of date is read.</summary>
    public IReadOnlyList<TrainingRecord> Training { get; init; } = [];

    /// <summary>Supervision rows; only the newest month's record on or before the as-of date is read.</summary>
    public IReadOnlyList<SupervisionRecord> Supervision { get; init; } = [];

    public IReadOnlyList<FeedbackItem> Feedback { get; init; } = [];

    public IReadOnlyList<InspectionFinding> Findings { get; init; } = [];

    public IReadOnlyList<AssuranceStatement> Assurance { get; init; } = [];

    public IReadOnlyList<RecoveryRisk> Risks { get; init; } = [];

    public IReadOnlyList<SelfAssessment> SelfAssessments { get; init; } = [];

    public IReadOnlyList<EvidenceAttachment> Attachments { get; init; } = [];

    /// <summary>The evidence that assurance statements and recovery risks cite.</summary>
    public IReadOnlyList<EvidenceLink> EvidenceLinks { get; init; } = [];

    /// <summary>The first day of each month the site has a pack for.</summary>
    public IReadOnlyList<DateOnly> PackPeriods { get; init; } = [];

    /// <summary>The first month the site owes a pack for (<c>Site.ReportingFrom</c>); when unknown, its first pack's month.</summary>
    public DateOnly? ReportingFrom { get; init; }
}

/// <summary>What the provider's other sites add to one site's picture: how many sites have an open risk in each area.</summary>
public sealed record ProviderPicture(IReadOnlyDictionary<AssuranceArea, int> SitesWithOpenRisk)
{
    public static ProviderPicture Alone { get; } = new(new Dictionary<AssuranceArea, int>());

    public int SitesAt(AssuranceArea area) => SitesWithOpenRisk.TryGetValue(area, out var count) ? count : 0;
}

/// <summary>A challenge already in the register, as the rules about challenges (unanswered, open High ones) see it.</summary>
public sealed record ChallengeState(string Code, string Key, ChallengeStatus Status, ChallengeSeverity Severity, DateOnly OpenedOn, IReadOnlyList<SubjectRef> Subjects);
