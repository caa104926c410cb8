namespace Verivius.Domain.Challenges;

/// <summary>
/// The codes of <c>challenge-rules.md</c>. They are a contract (the UI, CSV exports, Word packs and
/// tests use them) and never change meaning: a rule that changes meaning gets a new code.
/// </summary>
public static class ChallengeCodes
{
    public const string TrailMinutesThin = "TRAIL-MINUTES-THIN";
    public const string TrailMeetingGap = "TRAIL-MEETING-GAP";
    public const string ActNoClosures = "ACT-NO-CLOSURES";
    public const string ActClosedNoDetail = "ACT-CLOSED-NO-DETAIL";
    public const string ActOverdue = "ACT-OVERDUE";
    public const string ActNoOwner = "ACT-NO-OWNER";
    public const string IncNotificationMissing = "INC-NOTIFICATION-MISSING";
    public const string IncNotificationLate = "INC-NOTIFICATION-LATE";
    public const string IncCandourMissing = "INC-CANDOUR-MISSING";
    public const string IncCandourLate = "INC-CANDOUR-LATE";
    public const string IncNoAction = "INC-NO-ACTION";
    public const string TrnMatrixStale = "TRN-MATRIX-STALE";
    public const string TrnMatrixTooClean = "TRN-MATRIX-TOO-CLEAN";
    public const string TrnOverdueNoPlan = "TRN-OVERDUE-NO-PLAN";
    public const string SupOverdue = "SUP-OVERDUE";
    public const string InspNoResponse = "INSP-NO-RESPONSE";
    public const string AssurNoEvidence = "ASSUR-NO-EVIDENCE";
    public const string AssurSingleSource = "ASSUR-SINGLE-SOURCE";
    public const string AssurContradicted = "ASSUR-CONTRADICTED";
    public const string AudHeadlineMasksTheme = "AUD-HEADLINE-MASKS-THEME";
    public const string CmpLearningNotInCarePlan = "CMP-LEARNING-NOT-IN-CARE-PLAN";
    public const string StfMissedCareUnlinked = "STF-MISSED-CARE-UNLINKED";
    public const string RecRiskIncomplete = "REC-RISK-INCOMPLETE";
    public const string RecReviewOverdue = "REC-REVIEW-OVERDUE";
    public const string FbkNotActed = "FBK-NOT-ACTED";
    public const string InsightOverconfident = "INSIGHT-OVERCONFIDENT";
    public const string ProvSystemicRisk = "PROV-SYSTEMIC-RISK";
    public const string ProvPackMissing = "PROV-PACK-MISSING";
    public const string ProvChallengeUnanswered = "PROV-CHALLENGE-UNANSWERED";

    /// <summary>A challenge a nominated individual raised by hand on a record.</summary>
    public const string Manual = "MANUAL";
}

/// <summary>What each code is about and what would resolve it, as the register and the packs explain it.</summary>
public sealed record ChallengeRule(string Code, string Section, string Title, string Resolution);

public static class ChallengeCatalogue
{
    public const string EvidenceTrail = "Evidence trail";
    public const string UnsupportedAssurance = "Unsupported assurance";
    public const string ProviderLevel = "Provider level";

    public static IReadOnlyList<ChallengeRule> Rules { get; } =
    [
        new(ChallengeCodes.TrailMinutesThin, EvidenceTrail, "Minutes record no decision, or a decision lacks an action, owner or review date", "Record each decision with the action that carries it out, its owner and its review date."),
        new(ChallengeCodes.TrailMeetingGap, EvidenceTrail, "Too long between minuted governance meetings", "Hold and minute a governance meeting, and keep them within the interval."),
        new(ChallengeCodes.ActNoClosures, EvidenceTrail, "Actions pile up and none is closed", "Close the actions that are done, with their outcome and evidence, and re-plan the rest with owners and dates."),
        new(ChallengeCodes.ActClosedNoDetail, EvidenceTrail, "An action closed without an outcome or closure evidence", "Record what the action achieved and cite the evidence that it was done."),
        new(ChallengeCodes.ActOverdue, EvidenceTrail, "An open action well past its due date", "Finish and close the action with evidence, or agree and record a new due date."),
        new(ChallengeCodes.ActNoOwner, EvidenceTrail, "An action with no owner or no due date", "Give the action a named owner and a due date."),
        new(ChallengeCodes.IncNotificationMissing, EvidenceTrail, "A CQC-notifiable incident with no notification sent", "Send the statutory notification and record the date it was sent."),
        new(ChallengeCodes.IncNotificationLate, EvidenceTrail, "A notification sent later than \"without delay\"", "Record why it was late and what changes so the next one goes without delay."),
        new(ChallengeCodes.IncCandourMissing, EvidenceTrail, "Duty of candour applies but the in-person notification or apology is not recorded", "Record the in-person notification and the apology, with dates."),
        new(ChallengeCodes.IncCandourLate, EvidenceTrail, "The written candour follow-up is missing or late", "Send the written follow-up and record its date; if it was late, record why."),
        new(ChallengeCodes.IncNoAction, EvidenceTrail, "A moderate or worse incident with no action", "Link the action that came out of the incident, or raise one."),
        new(ChallengeCodes.TrnMatrixStale, EvidenceTrail, "The training matrix is out of date", "Send the current training matrix with the next monthly pack."),
        new(ChallengeCodes.TrnMatrixTooClean, EvidenceTrail, "A large training matrix with nothing overdue or missing", "Check the matrix against certificates and the rota, and send it as it really is."),
        new(ChallengeCodes.TrnOverdueNoPlan, EvidenceTrail, "An expired or missing mandatory course with no planned date", "Book the course and record the planned date, or record its completion."),
        new(ChallengeCodes.SupOverdue, EvidenceTrail, "A member of staff overdue for supervision or appraisal", "Hold the supervision or appraisal and record it."),
        new(ChallengeCodes.InspNoResponse, EvidenceTrail, "An inspection finding with no action, or only actions closed without evidence", "Link an action to the finding and close it with evidence of what changed."),
        new(ChallengeCodes.AssurNoEvidence, UnsupportedAssurance, "Green or improving with no current evidence", "Cite evidence dated within the window, or change the rating to what the evidence shows."),
        new(ChallengeCodes.AssurSingleSource, UnsupportedAssurance, "Green on evidence from one category only", "Add evidence from another category: people's experience, staff, partners, observation or outcomes."),
        new(ChallengeCodes.AssurContradicted, UnsupportedAssurance, "Green while the area's indicators worsened", "Re-rate the statement to match the indicators, or show why they do not apply."),
        new(ChallengeCodes.AudHeadlineMasksTheme, UnsupportedAssurance, "A good audit score hides a theme that keeps failing", "Act on the failing theme and report it beside the headline score."),
        new(ChallengeCodes.CmpLearningNotInCarePlan, UnsupportedAssurance, "Complaint learning not carried into the care plan in time", "Update the care plan and record the date."),
        new(ChallengeCodes.StfMissedCareUnlinked, UnsupportedAssurance, "Staffing pressure and missed care with no staffing risk or action", "Open a staffing risk on the recovery map, or an action, that addresses the pressure."),
        new(ChallengeCodes.RecRiskIncomplete, UnsupportedAssurance, "A recovery risk without a current action, evidence source, owner or review route", "Fill in the risk's current action, evidence source, owner and review route."),
        new(ChallengeCodes.RecReviewOverdue, UnsupportedAssurance, "A recovery risk past its review date", "Review the risk, record the outcome and set the next review date."),
        new(ChallengeCodes.FbkNotActed, UnsupportedAssurance, "Negative feedback with no \"we did\" in time", "Record what was done in response and when."),
        new(ChallengeCodes.InsightOverconfident, UnsupportedAssurance, "A self-assessment runs ahead of the evidence", "Rate the quality statement at what the evidence shows, or gather the evidence that supports the rating."),
        new(ChallengeCodes.ProvSystemicRisk, ProviderLevel, "The same risk area is open at several sites", "Treat the area as a provider-wide risk with one provider action, and review it at provider oversight."),
        new(ChallengeCodes.ProvPackMissing, ProviderLevel, "A month with no pack", "Upload the month's pack."),
        new(ChallengeCodes.ProvChallengeUnanswered, ProviderLevel, "A challenge left without the site's answer", "Answer the challenge with evidence."),
        new(ChallengeCodes.Manual, ProviderLevel, "Raised by the nominated individual", "Answer the challenge with evidence."),
    ];

    public static ChallengeRule Of(string code) =>
        Rules.FirstOrDefault(r => r.Code == code) ?? throw new ArgumentException($"No challenge rule has the code {code}.", nameof(code));
}
