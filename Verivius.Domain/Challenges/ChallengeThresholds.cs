namespace Verivius.Domain.Challenges;

/// <summary>
/// The numbers the challenge rules test against, per provider, with the defaults of
/// <c>challenge-rules.md</c>. Each is described by a <see cref="ThresholdSetting"/> so the settings page,
/// the validation and the defaults come from one place.
/// </summary>
public sealed record ChallengeThresholds
{
    public static ChallengeThresholds Defaults { get; } = new();

    public int MeetingGapDays { get; init; } = 62;

    public int StalledOpenActions { get; init; } = 10;

    public int StalledClosureDays { get; init; } = 90;

    public int ActionOverdueDays { get; init; } = 14;

    public int ActionOverdueHighDays { get; init; } = 60;

    public int NotificationDays { get; init; } = 2;

    public int CandourWrittenWorkingDays { get; init; } = 10;

    public int MatrixStaleDays { get; init; } = 180;

    public int MatrixTooCleanStaff { get; init; } = 20;

    public int SupervisionDays { get; init; } = 90;

    public int AppraisalDays { get; init; } = 365;

    public int EvidenceCurrentDays { get; init; } = 90;

    public int ContradictionPercent { get; init; } = 20;

    public int AuditHeadlinePercent { get; init; } = 85;

    public int AuditThemeFailures { get; init; } = 3;

    public int AuditThemeWindow { get; init; } = 4;

    public int CarePlanUpdateDays { get; init; } = 56;

    public int UnfilledShiftPercent { get; init; } = 5;

    public int RiskReviewOverdueDays { get; init; } = 14;

    public int FeedbackResponseDays { get; init; } = 56;

    public int SystemicRiskSites { get; init; } = 3;

    public int PackMissingDays { get; init; } = 10;

    public int UnansweredDays { get; init; } = 14;

    /// <summary>A site whose staff have their mandatory training in date below this share is Red at a glance (<c>SiteRating</c>).</summary>
    public int TrainingRedBelowPercent { get; init; } = 75;

    public int TrainingAmberBelowPercent { get; init; } = 90;

    public int SupervisionRedBelowPercent { get; init; } = 50;

    public int SupervisionAmberBelowPercent { get; init; } = 80;

    /// <summary>Every threshold, in the order of the catalogue, as the settings page shows them.</summary>
    public static IReadOnlyList<ThresholdSetting> Settings { get; } =
    [
        new(nameof(MeetingGapDays), "Most days between governance meetings", "days", [ChallengeCodes.TrailMeetingGap], 7, 366, t => t.MeetingGapDays, (t, v) => t with { MeetingGapDays = v }),
        new(nameof(StalledOpenActions), "Open actions that count as a backlog", "actions", [ChallengeCodes.ActNoClosures], 1, 1000, t => t.StalledOpenActions, (t, v) => t with { StalledOpenActions = v }),
        new(nameof(StalledClosureDays), "Days without a closure that count as stalled", "days", [ChallengeCodes.ActNoClosures], 7, 730, t => t.StalledClosureDays, (t, v) => t with { StalledClosureDays = v }),
        new(nameof(ActionOverdueDays), "Days past due before an action is challenged", "days", [ChallengeCodes.ActOverdue], 0, 365, t => t.ActionOverdueDays, (t, v) => t with { ActionOverdueDays = v }),
        new(nameof(ActionOverdueHighDays), "Days past due before an overdue action is High", "days", [ChallengeCodes.ActOverdue], 1, 730, t => t.ActionOverdueHighDays, (t, v) => t with { ActionOverdueHighDays = v }),
        new(nameof(NotificationDays), "Days allowed to send a CQC notification", "days", [ChallengeCodes.IncNotificationLate], 0, 30, t => t.NotificationDays, (t, v) => t with { NotificationDays = v }),
        new(nameof(CandourWrittenWorkingDays), "Working days allowed for the written candour follow-up", "working days", [ChallengeCodes.IncCandourLate], 1, 60, t => t.CandourWrittenWorkingDays, (t, v) => t with { CandourWrittenWorkingDays = v }),
        new(nameof(MatrixStaleDays), "Days after its month before a training matrix is stale", "days", [ChallengeCodes.TrnMatrixStale], 28, 730, t => t.MatrixStaleDays, (t, v) => t with { MatrixStaleDays = v }),
        new(nameof(MatrixTooCleanStaff), "Staff in a matrix before a spotless one is questioned", "staff", [ChallengeCodes.TrnMatrixTooClean], 1, 10000, t => t.MatrixTooCleanStaff, (t, v) => t with { MatrixTooCleanStaff = v }),
        new(nameof(SupervisionDays), "Most days between supervisions", "days", [ChallengeCodes.SupOverdue], 14, 365, t => t.SupervisionDays, (t, v) => t with { SupervisionDays = v }),
        new(nameof(AppraisalDays), "Most days between appraisals", "days", [ChallengeCodes.SupOverdue], 90, 730, t => t.AppraisalDays, (t, v) => t with { AppraisalDays = v }),
        new(nameof(EvidenceCurrentDays), "Days evidence stays current", "days", [ChallengeCodes.AssurNoEvidence, ChallengeCodes.AssurSingleSource], 7, 365, t => t.EvidenceCurrentDays, (t, v) => t with { EvidenceCurrentDays = v }),
        new(nameof(ContradictionPercent), "Rise above the three-month mean that contradicts a Green", "%", [ChallengeCodes.AssurContradicted], 1, 500, t => t.ContradictionPercent, (t, v) => t with { ContradictionPercent = v }),
        new(nameof(AuditHeadlinePercent), "Audit mean score that counts as a reassuring headline", "%", [ChallengeCodes.AudHeadlineMasksTheme], 1, 100, t => t.AuditHeadlinePercent, (t, v) => t with { AuditHeadlinePercent = v }),
        new(nameof(AuditThemeFailures), "Audits a theme must fall short in", "audits", [ChallengeCodes.AudHeadlineMasksTheme], 1, 52, t => t.AuditThemeFailures, (t, v) => t with { AuditThemeFailures = v }),
        new(nameof(AuditThemeWindow), "Recent audits looked at", "audits", [ChallengeCodes.AudHeadlineMasksTheme], 1, 52, t => t.AuditThemeWindow, (t, v) => t with { AuditThemeWindow = v }),
        new(nameof(CarePlanUpdateDays), "Days after a complaint response to update the care plan", "days", [ChallengeCodes.CmpLearningNotInCarePlan], 1, 365, t => t.CarePlanUpdateDays, (t, v) => t with { CarePlanUpdateDays = v }),
        new(nameof(UnfilledShiftPercent), "Unfilled shifts in a month that count as pressure", "%", [ChallengeCodes.StfMissedCareUnlinked], 0, 100, t => t.UnfilledShiftPercent, (t, v) => t with { UnfilledShiftPercent = v }),
        new(nameof(RiskReviewOverdueDays), "Days past a risk's review date before it is challenged", "days", [ChallengeCodes.RecReviewOverdue], 0, 365, t => t.RiskReviewOverdueDays, (t, v) => t with { RiskReviewOverdueDays = v }),
        new(nameof(FeedbackResponseDays), "Days to answer negative feedback with \"we did\"", "days", [ChallengeCodes.FbkNotActed], 1, 365, t => t.FeedbackResponseDays, (t, v) => t with { FeedbackResponseDays = v }),
        new(nameof(SystemicRiskSites), "Sites sharing an open risk area that make it systemic", "sites", [ChallengeCodes.ProvSystemicRisk], 2, 1000, t => t.SystemicRiskSites, (t, v) => t with { SystemicRiskSites = v }),
        new(nameof(PackMissingDays), "Days after a month's end before its pack is missing", "days", [ChallengeCodes.ProvPackMissing], 0, 90, t => t.PackMissingDays, (t, v) => t with { PackMissingDays = v }),
        new(nameof(UnansweredDays), "Days a challenge may wait for the site's answer", "days", [ChallengeCodes.ProvChallengeUnanswered], 1, 365, t => t.UnansweredDays, (t, v) => t with { UnansweredDays = v }),
        new(nameof(TrainingRedBelowPercent), "Staff with mandatory training in date below which a site is Red", "%", [], 0, 100, t => t.TrainingRedBelowPercent, (t, v) => t with { TrainingRedBelowPercent = v }),
        new(nameof(TrainingAmberBelowPercent), "Staff with mandatory training in date below which a site is Amber", "%", [], 0, 100, t => t.TrainingAmberBelowPercent, (t, v) => t with { TrainingAmberBelowPercent = v }),
        new(nameof(SupervisionRedBelowPercent), "Staff supervised on time below which a site is Red", "%", [], 0, 100, t => t.SupervisionRedBelowPercent, (t, v) => t with { SupervisionRedBelowPercent = v }),
        new(nameof(SupervisionAmberBelowPercent), "Staff supervised on time below which a site is Amber", "%", [], 0, 100, t => t.SupervisionAmberBelowPercent, (t, v) => t with { SupervisionAmberBelowPercent = v }),
    ];

    /// <summary>The problems with a set of values, each naming the setting; empty when all are within range.</summary>
    public IReadOnlyList<(string Setting, string Problem)> Problems()
    {
        var problems = Settings
            .Where(s => s.Read(this) < s.Min || s.Read(this) > s.Max)
            .Select(s => (s.Name, $"{s.Label} must be between {s.Min} and {s.Max} {s.Unit}."))
            .ToList();
        if (AuditThemeFailures > AuditThemeWindow)
        {
            problems.Add((nameof(AuditThemeFailures), $"A theme cannot fall short in more audits ({AuditThemeFailures}) than are looked at ({AuditThemeWindow})."));
        }

        foreach (var (name, red, amber, what) in new[]
        {
            (nameof(TrainingRedBelowPercent), TrainingRedBelowPercent, TrainingAmberBelowPercent, "training"),
            (nameof(SupervisionRedBelowPercent), SupervisionRedBelowPercent, SupervisionAmberBelowPercent, "supervision"),
        })
        {
            if (red > amber)
            {
                problems.Add((name, $"The Red line for {what} cannot be above the Amber line: choose at most {amber}%."));
            }
        }

        if (ActionOverdueHighDays <= ActionOverdueDays)
        {
            problems.Add((nameof(ActionOverdueHighDays), $"An overdue action turns High later than it is first challenged: choose more than {ActionOverdueDays} days."));
        }

        return problems;
    }
}

/// <summary>One threshold: its name, what it means, which rules use it, its allowed range, and how to read and set it.</summary>
public sealed record ThresholdSetting(
    string Name,
    string Label,
    string Unit,
    IReadOnlyList<string> Codes,
    int Min,
    int Max,
    Func<ChallengeThresholds, int> Read,
    Func<ChallengeThresholds, int, ChallengeThresholds> Write)
{
    public int Default => Read(ChallengeThresholds.Defaults);

    /// <summary>What the setting is used by, as the settings page shows it: its rules' codes, or the sites' rating.</summary>
    public string UsedBy => Codes.Count == 0 ? "Sites at a glance" : string.Join(", ", Codes);
}
