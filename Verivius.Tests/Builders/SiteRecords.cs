using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;

namespace Verivius.Tests.Builders;

/// <summary>
/// One site's records built in memory for the challenge rules, each with plain defaults that raise
/// nothing, so a test states only what its rule is about.
/// </summary>
internal sealed class SiteRecords
{
    /// <summary>The day the rule tests judge the records as of: Friday 20 November 2026.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    private readonly Guid _siteId = Guid.NewGuid();
    private readonly List<ImprovementAction> _actions = [];
    private readonly List<GovernanceMeeting> _meetings = [];
    private readonly List<MeetingDecision> _decisions = [];
    private readonly List<Incident> _incidents = [];
    private readonly List<Complaint> _complaints = [];
    private readonly List<Audit> _audits = [];
    private readonly List<StaffingWeek> _staffing = [];
    private readonly List<TrainingRecord> _training = [];
    private readonly List<SupervisionRecord> _supervision = [];
    private readonly List<FeedbackItem> _feedback = [];
    private readonly List<InspectionFinding> _findings = [];
    private readonly List<AssuranceStatement> _assurance = [];
    private readonly List<RecoveryRisk> _risks = [];
    private readonly List<SelfAssessment> _selfAssessments = [];
    private readonly List<EvidenceAttachment> _attachments = [];
    private readonly List<EvidenceLink> _links = [];
    private readonly List<DateOnly> _packs = [];

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public ImprovementAction Action(string reference, Func<ActionDetails, ActionDetails>? change = null, SiteRecord? source = null, SiteRecord? closureEvidence = null)
    {
        var details = new ActionDetails(reference, "Fix the rota", ActionSource.Other, null, "Deputy manager", AsOf.AddDays(-30), AsOf.AddDays(10), ActionStatus.Open, null, null, null, null);
        details = change?.Invoke(details) ?? details;
        var action = new ImprovementAction(_siteId, details);
        action.Record(details, Link(source), Link(closureEvidence));
        _actions.Add(action);
        return action;
    }

    /// <summary>An action closed on the day given, with an outcome and the evidence that it was done.</summary>
    public ImprovementAction ClosedAction(string reference, DateOnly closedOn, Func<ActionDetails, ActionDetails>? change = null)
    {
        var evidence = Audit($"AUD-FOR-{reference}", "Care plans", closedOn, 95);
        return Action(reference, d => (change ?? (x => x))(d with { Status = ActionStatus.Closed, ClosedOn = closedOn, RaisedOn = closedOn.AddDays(-20), DueOn = closedOn, Outcome = "Done and checked", EvidenceRef = $"Audits:{evidence.Ref}" }), closureEvidence: evidence);
    }

    public GovernanceMeeting Meeting(string reference, DateOnly heldOn, MeetingType type = MeetingType.Governance)
    {
        var meeting = new GovernanceMeeting(_siteId, new MeetingDetails(reference, heldOn, type, "Registered manager", null, null));
        meeting.Record(meeting.Details, null);
        _meetings.Add(meeting);
        return meeting;
    }

    public MeetingDecision Decision(string reference, GovernanceMeeting meeting, ImprovementAction? action, string? owner = "Registered manager", bool reviewed = true)
    {
        var decision = new MeetingDecision(_siteId, new DecisionDetails(meeting.Ref, reference, "Re-audit care plans", action?.Ref, owner, reviewed ? meeting.Details.HeldOn.AddDays(28) : null));
        decision.Record(decision.Details, meeting, action?.Id);
        _decisions.Add(decision);
        return decision;
    }

    /// <summary>A governance meeting with one decision carried out by an action with an owner and a due date: a whole trail.</summary>
    public GovernanceMeeting MinutedMeeting(string reference, DateOnly heldOn)
    {
        var meeting = Meeting(reference, heldOn);
        Decision($"{reference}-D1", meeting, ClosedAction($"{reference}-A1", heldOn.AddDays(7)));
        return meeting;
    }

    public Incident Incident(string reference, Func<IncidentDetails, IncidentDetails>? change = null, ImprovementAction? action = null)
    {
        var details = new IncidentDetails(reference, Day(2026, 11, 10), IncidentCategory.Fall, Severity.Low, false, null, null, false, null, null, null, action?.Ref, IncidentStatus.Open, null);
        details = change?.Invoke(details) ?? details;
        var incident = new Incident(_siteId, details);
        incident.Record(details, action?.Id);
        _incidents.Add(incident);
        return incident;
    }

    public Complaint Complaint(string reference, Func<ComplaintDetails, ComplaintDetails>? change = null)
    {
        var details = new ComplaintDetails(reference, Day(2026, 8, 20), "Call bell response", Day(2026, 9, 1), ComplaintOutcome.PartlyUpheld, "Answer call bells sooner", false, null, null);
        details = change?.Invoke(details) ?? details;
        var complaint = new Complaint(_siteId, details);
        complaint.Record(details, null);
        _complaints.Add(complaint);
        return complaint;
    }

    public Audit Audit(string reference, string type, DateOnly heldOn, double score, params (string Theme, ThemeResult Result, AssuranceArea? Area)[] themes)
    {
        var details = new AuditDetails(reference, type, heldOn, score);
        var audit = new Audit(_siteId, details);
        audit.Record(details, themes.Select(t => new AuditThemeDetails(t.Theme, t.Result, t.Area)));
        _audits.Add(audit);
        return audit;
    }

    public StaffingWeek Week(DateOnly weekStarting, int planned, int unfilled, double agencyHours = 0, double totalHours = 1000, int? missedCare = 0, int? lateCare = 0)
    {
        var week = new StaffingWeek(_siteId, new StaffingDetails(weekStarting, planned, unfilled, agencyHours, totalHours, missedCare, lateCare, null, null, null));
        _staffing.Add(week);
        return week;
    }

    public TrainingRecord Training(DateOnly period, string staff, string course, DateOnly? completedOn, DateOnly? expiresOn, DateOnly? plannedOn = null, bool mandatory = true, string role = "Care assistant")
    {
        var row = new TrainingRecord(_siteId, period, new TrainingDetails(staff, role, course, mandatory, completedOn, expiresOn, plannedOn));
        _training.Add(row);
        return row;
    }

    public SupervisionRecord Supervision(DateOnly period, string staff, SupervisionType type, DateOnly heldOn)
    {
        var row = new SupervisionRecord(_siteId, period, new SupervisionDetails(staff, type, heldOn));
        _supervision.Add(row);
        return row;
    }

    public FeedbackItem Feedback(string reference, Func<FeedbackDetails, FeedbackDetails>? change = null)
    {
        var details = new FeedbackDetails(reference, Day(2026, 9, 1), FeedbackSource.Family, Sentiment.Positive, "Meal choice", null, null, null);
        details = change?.Invoke(details) ?? details;
        var item = new FeedbackItem(_siteId, details);
        _feedback.Add(item);
        return item;
    }

    public InspectionFinding Finding(string reference, FindingKind kind, DateOnly inspectedOn, ImprovementAction? action = null)
    {
        var details = new FindingDetails(reference, inspectedOn, kind, "Regulation 17", "Systems to assess and monitor quality were not effective", action?.Ref);
        var finding = new InspectionFinding(_siteId, details);
        finding.Record(details, action?.Id);
        _findings.Add(finding);
        return finding;
    }

    public AssuranceStatement Statement(string reference, AssuranceArea area, RagRating rating, params SiteRecord[] evidence)
    {
        var statement = new AssuranceStatement(_siteId, new AssuranceDetails(reference, area, area == AssuranceArea.Staffing ? "Staffing is stable" : "Documentation is strong", rating, Confidence.Strong, null, null));
        _assurance.Add(statement);
        Cite(new RecordLink(RecordKind.Assurance, statement.Id), evidence);
        return statement;
    }

    public RecoveryRisk Risk(string reference, Func<RecoveryDetails, RecoveryDetails>? change = null, ImprovementAction? currentAction = null, params SiteRecord[] evidence)
    {
        var details = new RecoveryDetails(
            reference, AssuranceArea.Safeguarding, "Falls at night", "9 falls in a quarter", "Halve night falls", currentAction?.Ref ?? "A-RISK", "Falls log",
            "Deputy manager", "Monthly quality meeting", AsOf.AddDays(20), RiskTrend.NoChange, null);
        details = change?.Invoke(details) ?? details;
        var risk = new RecoveryRisk(_siteId, details);
        risk.Record(details, currentAction?.Id ?? (details.CurrentActionRef is null ? null : Guid.NewGuid()));
        _risks.Add(risk);
        Cite(new RecordLink(RecordKind.Recovery, risk.Id), evidence);
        return risk;
    }

    public SelfAssessment SelfAssessment(string qualityStatement, QualityRating rating)
    {
        var assessment = new SelfAssessment(_siteId, new SelfAssessmentDetails(qualityStatement, rating, null));
        _selfAssessments.Add(assessment);
        return assessment;
    }

    public void Packs(params DateOnly[] months) => _packs.AddRange(months);

    /// <summary>The first month the site owes a pack for; unset, the rules take its first pack's month.</summary>
    public DateOnly? ReportingFrom { get; set; }

    public SiteEvidence Build() => new()
    {
        SiteId = _siteId,
        Actions = _actions,
        Meetings = _meetings,
        Decisions = _decisions,
        Incidents = _incidents,
        Complaints = _complaints,
        Audits = _audits,
        Staffing = _staffing,
        Training = _training,
        Supervision = _supervision,
        Feedback = _feedback,
        Findings = _findings,
        Assurance = _assurance,
        Risks = _risks,
        SelfAssessments = _selfAssessments,
        Attachments = _attachments,
        EvidenceLinks = _links,
        PackPeriods = _packs,
        ReportingFrom = ReportingFrom,
    };

    public IReadOnlyList<ChallengeFinding> Evaluate(DateOnly? asOf = null, ChallengeThresholds? thresholds = null, ProviderPicture? provider = null, IReadOnlyList<ChallengeState>? register = null) =>
        ChallengeEngine.Evaluate(Build(), asOf ?? AsOf, thresholds, provider, register);

    /// <summary>The findings of one rule.</summary>
    public IReadOnlyList<ChallengeFinding> Findings(string code, DateOnly? asOf = null, ChallengeThresholds? thresholds = null, ProviderPicture? provider = null, IReadOnlyList<ChallengeState>? register = null) =>
        [.. Evaluate(asOf, thresholds, provider, register).Where(f => f.Code == code)];

    private static RecordLink? Link(SiteRecord? record) => record is null ? null : new RecordLink(record.Kind, record.Id);

    private void Cite(RecordLink owner, IEnumerable<SiteRecord> evidence) =>
        _links.AddRange(evidence.Select(e => new EvidenceLink(_siteId, owner, new RecordLink(e.Kind, e.Id), $"{e.Kind}:{e.Ref}")));
}
