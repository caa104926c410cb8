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
public sealed record ChallengeRule(string Code, string Section, string Title, string Explanation, string Resolution);

public static class ChallengeCatalogue
{
    public const string EvidenceTrail = "Evidence trail";
    public const string UnsupportedAssurance = "Unsupported assurance";
    public const string ProviderLevel = "Provider level";

    public static IReadOnlyList<ChallengeRule> Rules { get; } =
    [
        new(ChallengeCodes.TrailMinutesThin, EvidenceTrail, "Minutes record no decision, or a decision lacks an action, owner or review date", "A governance meeting whose minutes record no decision, or a decision with no action, owner or review date.", "Record each decision with the action that carries it out, its owner and its review date."),
        new(ChallengeCodes.TrailMeetingGap, EvidenceTrail, "Too long between minuted governance meetings", "Too many days between two minuted governance meetings in the last 12 months, or since the last one.", "Hold and minute a governance meeting, and keep them within the interval."),
        new(ChallengeCodes.ActNoClosures, EvidenceTrail, "Actions pile up and none is closed", "Many actions are open and none has been closed for months: the site knows what is wrong and is not fixing it.", "Close the actions that are done, with their outcome and evidence, and re-plan the rest with owners and dates."),
        new(ChallengeCodes.ActClosedNoDetail, EvidenceTrail, "Actions closed without an outcome or closure evidence", "Actions closed without saying what they achieved, or without the evidence that they were done.", "Record what each action achieved and cite the evidence that it was done."),
        new(ChallengeCodes.ActOverdue, EvidenceTrail, "Open actions well past their due dates", "Open actions whose due date passed more than the allowed number of days ago; High once they are far past it.", "Finish and close each action with evidence, or agree and record a new due date."),
        new(ChallengeCodes.ActNoOwner, EvidenceTrail, "Open actions with no owner or no due date", "Open actions that nobody owns, or that have no due date.", "Give each action a named owner and a due date."),
        new(ChallengeCodes.IncNotificationMissing, EvidenceTrail, "A CQC-notifiable incident with no notification sent", "An incident marked as notifiable to CQC with no date the notification was sent.", "Send the statutory notification and record the date it was sent."),
        new(ChallengeCodes.IncNotificationLate, EvidenceTrail, "A notification sent later than \"without delay\"", "A CQC notification sent more days after the incident than allowed; the law asks for one without delay.", "Record why it was late and what changes so the next one goes without delay."),
        new(ChallengeCodes.IncCandourMissing, EvidenceTrail, "Duty of candour applies but the in-person notification or apology is not recorded", "The duty of candour applies, but the in-person notification or the apology is not recorded.", "Record the in-person notification and the apology, with dates."),
        new(ChallengeCodes.IncCandourLate, EvidenceTrail, "The written candour follow-up is missing or late", "The written candour follow-up is missing, or was sent later than the allowed working days after the incident.", "Send the written follow-up and record its date; if it was late, record why."),
        new(ChallengeCodes.IncNoAction, EvidenceTrail, "A moderate or worse incident with no action", "An incident of moderate harm or worse with no action linked to it.", "Link the action that came out of the incident, or raise one."),
        new(ChallengeCodes.TrnMatrixStale, EvidenceTrail, "The training matrix is out of date", "The newest training matrix is for a month that ended too long ago.", "Send the current training matrix with the next monthly pack."),
        new(ChallengeCodes.TrnMatrixTooClean, EvidenceTrail, "A large training matrix with nothing overdue or missing", "A large training matrix with nothing overdue and nothing missing, which real matrices rarely are.", "Check the matrix against certificates and the rota, and send it as it really is."),
        new(ChallengeCodes.TrnOverdueNoPlan, EvidenceTrail, "Expired or missing mandatory courses with no planned date", "Mandatory courses that have expired, or were never done, with no date planned to do them.", "Book each course and record the planned date, or record its completion."),
        new(ChallengeCodes.SupOverdue, EvidenceTrail, "Staff overdue for supervision or appraisal", "Staff with no supervision, or no appraisal, within the allowed number of days.", "Hold each supervision or appraisal and record it."),
        new(ChallengeCodes.InspNoResponse, EvidenceTrail, "An inspection finding with no action, or only actions closed without evidence", "A must-do or should-do finding of the last inspection with no action, or whose actions were all closed without evidence.", "Link an action to the finding and close it with evidence of what changed."),
        new(ChallengeCodes.AssurNoEvidence, UnsupportedAssurance, "Green or improving with no current evidence", "A statement rated Green, or a recovery risk said to be improving or resolved, that cites no evidence dated recently enough.", "Cite evidence dated within the window, or change the rating to what the evidence shows."),
        new(ChallengeCodes.AssurSingleSource, UnsupportedAssurance, "Green on evidence from one category only", "A Green statement whose current evidence all comes from one evidence category, such as audits alone.", "Add evidence from another category: people's experience, staff, partners, observation or outcomes."),
        new(ChallengeCodes.AssurContradicted, UnsupportedAssurance, "Green while the area's indicators worsened", "A Green statement about an area whose indicators got worse: staffing rates above their three-month mean, or a documentation audit theme not met.", "Re-rate the statement to match the indicators, or show why they do not apply."),
        new(ChallengeCodes.AudHeadlineMasksTheme, UnsupportedAssurance, "A good audit score hides a theme that keeps failing", "Audits whose average score looks good while one theme keeps falling short in most of the recent audits.", "Act on the failing theme and report it beside the headline score."),
        new(ChallengeCodes.CmpLearningNotInCarePlan, UnsupportedAssurance, "Complaint learning not carried into care plans in time", "Complaints whose learning needed a care-plan update that was not made within the allowed days of the response.", "Update each care plan and record the date."),
        new(ChallengeCodes.StfMissedCareUnlinked, UnsupportedAssurance, "Staffing pressure and missed care with no staffing risk or action", "A month with unfilled shifts above the threshold and missed or late care, but no open staffing risk or action.", "Open a staffing risk on the recovery map, or an action, that addresses the pressure."),
        new(ChallengeCodes.RecRiskIncomplete, UnsupportedAssurance, "A recovery risk without a current action, evidence source, owner or review route", "A recovery-map risk missing its current action, evidence source, owner or review route.", "Fill in the risk's current action, evidence source, owner and review route."),
        new(ChallengeCodes.RecReviewOverdue, UnsupportedAssurance, "Recovery risks past their review date", "Recovery-map risks whose review date passed more than the allowed number of days ago.", "Review each risk, record the outcome and set the next review date."),
        new(ChallengeCodes.FbkNotActed, UnsupportedAssurance, "Negative feedback with no \"we did\" in time", "Negative feedback with no dated \"we did\" response within the allowed number of days.", "Record what was done in response to each and when."),
        new(ChallengeCodes.InsightOverconfident, UnsupportedAssurance, "A self-assessment runs ahead of the evidence", "A self-assessment of Good or Outstanding that runs ahead of the evidence: under December 2024, evidence supporting two or more levels lower or High challenges open at the site; under the 2026 draft, High challenges open on the key lines of enquiry beneath the rated key question, or lines whose evidence is thin.", "Rate the statement or key question at what the evidence shows, or gather the evidence that supports the rating."),
        new(ChallengeCodes.ProvSystemicRisk, ProviderLevel, "The same risk area is open at several sites", "The same recovery-map area is an open risk at several sites: a provider-wide issue, not a local one.", "Treat the area as a provider-wide risk with one provider action, and review it at provider oversight."),
        new(ChallengeCodes.ProvPackMissing, ProviderLevel, "A month with no pack", "A month the site owes a pack for (from its reporting month onwards) that ended some days ago and has no pack.", "Upload the month's pack."),
        new(ChallengeCodes.ProvChallengeUnanswered, ProviderLevel, "A challenge left without the site's answer", "A challenge left open for more than the allowed days without the site's answer.", "Answer the challenge with evidence."),
        new(ChallengeCodes.Manual, ProviderLevel, "Raised by the nominated individual", "A challenge the nominated individual raised by hand on a record.", "Answer the challenge with evidence."),
    ];

    public static ChallengeRule Of(string code) =>
        Rules.FirstOrDefault(r => r.Code == code) ?? throw new ArgumentException($"No challenge rule has the code {code}.", nameof(code));
}
