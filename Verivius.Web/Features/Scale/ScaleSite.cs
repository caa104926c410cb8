using System.Globalization;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;

namespace Verivius.Web.Features.Scale;

/// <summary>
/// One synthetic site's months of records, at the volumes of a busy care home (per month: 30
/// incidents, 20 actions, 4 meetings with decisions, 6 complaints, 4 audits of 5 themes, weekly
/// staffing, 10 feedback items; a 60-staff × 12-course matrix and supervision record for the latest
/// months), with a few percent of each gap the challenge rules look for.
/// </summary>
internal sealed class ScaleSite
{
    private static readonly string[] AuditTypes = ["Medication", "Care plans", "Infection control", "Falls"];
    private static readonly AssuranceArea[] AuditAreas = [AssuranceArea.Medication, AssuranceArea.Documentation, AssuranceArea.Infection, AssuranceArea.Safeguarding];
    private static readonly IncidentCategory[] Categories = [IncidentCategory.Fall, IncidentCategory.Fall, IncidentCategory.Fall, IncidentCategory.Medication, IncidentCategory.Behaviour, IncidentCategory.PressureUlcer, IncidentCategory.Safeguarding, IncidentCategory.Infection];

    private readonly Guid _siteId;
    private readonly Random _random;
    private readonly DateOnly _firstMonth;
    private readonly int _months;
    private readonly DateOnly _today;
    private readonly List<Entity> _records = [];

    // A site's character: most are well run; a few have one of the gaps the seeds describe.
    private readonly bool _meetingsSlip;
    private readonly bool _staffingPressure;
    private readonly bool _maskedTheme;
    private readonly bool _unsupportedClaims;

    public ScaleSite(Guid siteId, Random random, DateOnly firstMonth, int months, DateOnly today)
    {
        _siteId = siteId;
        _random = random;
        _firstMonth = firstMonth;
        _months = months;
        _today = today;
        _meetingsSlip = Chance(0.05);
        _staffingPressure = Chance(0.10);
        _maskedTheme = Chance(0.05);
        _unsupportedClaims = Chance(0.10);
    }

    public List<Entity> Generate()
    {
        ImprovementAction? latestStaffingAction = null;
        var latestAudits = new List<Audit>();
        StaffingWeek? latestWeek = null;
        FeedbackItem? latestFeedback = null;
        for (var m = 0; m < _months; m++)
        {
            var first = _firstMonth.AddMonths(m);
            var last = first.AddMonths(1).AddDays(-1);
            var tag = first.ToString("yyMM", CultureInfo.InvariantCulture);
            if (!Chance(0.02) || m == _months - 1)
            {
                var pack = Add(new MonthlyPack(_siteId, PackPeriod.Of(first)));
                Add(pack.AddVersion($"pack-{tag}.xlsx", "", 0, new string('0', 64), "scale generator", new DateTimeOffset(last.AddDays(5).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "{}"));
            }

            latestAudits = Audits(first, tag);
            var audit = latestAudits[0];
            Meetings(first, tag, audit);
            var actionNumber = 8;
            for (var i = 0; i < 30; i++)
            {
                Incident(first, tag, i, audit, ref actionNumber);
            }

            while (actionNumber < 20)
            {
                var action = Action($"ACT-{tag}-{actionNumber++:00}", first.AddDays(_random.Next(28)), ActionSource.Other, null, audit, (AssuranceArea)_random.Next(9));
                if (action.Details.Area == AssuranceArea.Staffing)
                {
                    latestStaffingAction = action;
                }
            }

            for (var c = 0; c < 6; c++)
            {
                Complaint(first, $"CMP-{tag}-{c}");
            }

            for (var week = first.AddDays((8 - (int)first.DayOfWeek) % 7); week <= last; week = week.AddDays(7))
            {
                var unfilled = _staffingPressure ? 8 + _random.Next(10) : _random.Next(7);
                latestWeek = Add(new StaffingWeek(_siteId, new StaffingDetails(week, 140, unfilled, _random.Next(_staffingPressure ? 200 : 40), 1120, _random.Next(_staffingPressure ? 4 : 2), _random.Next(3), null, null, null)));
            }

            for (var f = 0; f < 10; f++)
            {
                latestFeedback = Feedback(first, $"FB-{tag}-{f}");
            }

            if (m >= _months - 2)
            {
                Matrix(first);
            }
        }

        Inspection(latestAudits[0]);
        Claims(latestAudits, latestWeek, latestFeedback, latestStaffingAction);
        return _records;
    }

    private bool Chance(double share) => _random.NextDouble() < share;

    private T Add<T>(T record)
        where T : Entity
    {
        _records.Add(record);
        return record;
    }

    private ImprovementAction Action(string reference, DateOnly raised, ActionSource source, SiteRecord? from, Audit evidence, AssuranceArea area)
    {
        var due = raised.AddDays(28);
        var closedOn = raised.AddDays(10 + _random.Next(30));

        // Nearly every action is done; the recent ones are still open, and a few never close.
        var closes = closedOn < _today && !Chance(0.01);
        var withEvidence = !Chance(0.015);
        var details = new ActionDetails(
            reference, "Review and re-audit", source, from?.Ref, Chance(0.02) ? null : "Deputy manager", raised, due,
            closes ? ActionStatus.Closed : ActionStatus.Open, closes ? closedOn : null, closes && withEvidence ? "Done and re-audited" : null,
            closes && withEvidence ? $"Audits:{evidence.Ref}" : null, area);
        var action = Add(new ImprovementAction(_siteId, details));
        action.Record(details, from is null ? null : new RecordLink(from.Kind, from.Id), closes && withEvidence ? new RecordLink(RecordKind.Audits, evidence.Id) : null);
        return action;
    }

    private List<Audit> Audits(DateOnly first, string tag)
    {
        var audits = new List<Audit>();
        for (var a = 0; a < 4; a++)
        {
            var masked = _maskedTheme && a == 0;
            var details = new AuditDetails($"AUD-{tag}-{a}", AuditTypes[a], first.AddDays(10 + a), 82 + _random.Next(16));
            var audit = Add(new Audit(_siteId, details));
            audit.Record(details, Enumerable.Range(1, 5).Select(t => new AuditThemeDetails(
                $"{AuditTypes[a]} theme {t}",
                masked && t == 1 ? ThemeResult.PartlyMet : Chance(0.05) ? ThemeResult.PartlyMet : Chance(0.01) ? ThemeResult.NotMet : ThemeResult.Met,
                AuditAreas[a])));
            _records.AddRange(audit.Themes);
            audits.Add(audit);
        }

        return audits;
    }

    private void Meetings(DateOnly first, string tag, Audit evidence)
    {
        var slipping = _meetingsSlip && first.Month % 3 != 0;
        var types = slipping ? new[] { MeetingType.Staff, MeetingType.Residents } : [MeetingType.Governance, MeetingType.Quality, MeetingType.Staff, MeetingType.Residents];
        var number = 0;
        for (var t = 0; t < types.Length; t++)
        {
            var meeting = Add(new GovernanceMeeting(_siteId, new MeetingDetails($"MTG-{tag}-{t}", first.AddDays(4 + (7 * t)), types[t], "Registered manager", null, null)));
            meeting.Record(meeting.Details, null);
            if (types[t] is MeetingType.Governance or MeetingType.Quality)
            {
                for (var d = 0; d < 2; d++)
                {
                    var decisionRef = $"DEC-{tag}-{t}-{d}";
                    var thin = Chance(0.03);
                    var action = thin ? null : Action($"ACT-{tag}-{number++:00}", meeting.Details.HeldOn, ActionSource.Meeting, null, evidence, (AssuranceArea)_random.Next(9));
                    var decision = Add(new MeetingDecision(_siteId, new DecisionDetails(meeting.Ref, decisionRef, "Re-audit and report back", action?.Ref, thin ? null : "Deputy manager", thin ? null : meeting.Details.HeldOn.AddDays(28))));
                    decision.Record(decision.Details, meeting, action?.Id);
                }
            }
        }
    }

    private void Incident(DateOnly first, string tag, int i, Audit evidence, ref int actionNumber)
    {
        var occurred = first.AddDays(_random.Next(28));
        var severity = _random.Next(100) switch { < 35 => Severity.None, < 80 => Severity.Low, < 96 => Severity.Moderate, < 99 => Severity.Severe, _ => Severity.Death };
        var category = Categories[_random.Next(Categories.Length)];
        var notifiable = severity >= Severity.Severe || category == IncidentCategory.Safeguarding;
        var candour = severity >= Severity.Moderate;
        var reference = $"INC-{tag}-{i:00}";
        var sent = notifiable && !Chance(0.01) ? occurred.AddDays(Chance(0.03) ? 4 : 1) : (DateOnly?)null;
        var details = new IncidentDetails(
            reference, occurred, category, severity, notifiable, notifiable ? NotificationType.SeriousInjury : null, sent,
            candour, candour ? occurred.AddDays(1) : null, candour ? !Chance(0.01) : null, candour && !Chance(0.01) ? occurred.AddDays(Chance(0.02) ? 20 : 7) : null,
            null, IncidentStatus.Closed, occurred.AddDays(14));
        var incident = Add(new Incident(_siteId, details));
        ImprovementAction? action = null;
        if (candour && actionNumber < 20 && !Chance(0.02))
        {
            action = Action($"ACT-{tag}-{actionNumber++:00}", occurred, ActionSource.Incident, incident, evidence, AssuranceArea.Safeguarding);
        }

        incident.Record(action is null ? details : details with { ActionRef = action.Ref }, action?.Id);
    }

    private void Complaint(DateOnly first, string reference)
    {
        var received = first.AddDays(_random.Next(25));
        var responded = received.AddDays(7 + _random.Next(14));
        var carePlan = Chance(0.3);
        var updated = carePlan && !Chance(0.05) ? responded.AddDays(_random.Next(40)) : (DateOnly?)null;
        var details = new ComplaintDetails(reference, received, "Call bell response", responded < _today ? responded : null, ComplaintOutcome.PartlyUpheld, "Share the learning", carePlan, updated < _today ? updated : null, null);
        var complaint = Add(new Complaint(_siteId, details));
        complaint.Record(details, null);
    }

    private FeedbackItem Feedback(DateOnly first, string reference)
    {
        var received = first.AddDays(_random.Next(28));
        var negative = Chance(0.2);
        var answered = negative && !Chance(0.05);
        var weDidOn = answered ? received.AddDays(7 + _random.Next(40)) : (DateOnly?)null;
        var from = (FeedbackSource)_random.Next(5);
        return Add(new FeedbackItem(_siteId, new FeedbackDetails(
            reference, received, from, negative ? Sentiment.Negative : Sentiment.Positive, negative ? "Meal choice" : "Activities",
            negative ? "Not enough choice" : null, answered ? "Added a second option" : null, weDidOn < _today ? weDidOn : null)));
    }

    private void Matrix(DateOnly period)
    {
        for (var s = 1; s <= 60; s++)
        {
            var staff = string.Create(CultureInfo.InvariantCulture, $"ST-{s:00}");
            for (var c = 1; c <= 12; c++)
            {
                var completed = period.AddDays(-_random.Next(20, 330));
                var expired = Chance(0.03);
                Add(new TrainingRecord(_siteId, period, new TrainingDetails(
                    staff, s <= 8 ? "Nurse" : "Care assistant", $"Course {c}", c <= 8, completed,
                    expired ? period.AddDays(-5) : completed.AddYears(1).AddDays(30), expired && Chance(0.5) ? period.AddDays(20) : null)));
            }

            // Dated back from the end of the matrix month: a few lapsed supervisions and appraisals.
            var monthEnd = period.AddMonths(1).AddDays(-1);
            var lapsed = Chance(0.03);
            Add(new SupervisionRecord(_siteId, period, new SupervisionDetails(staff, SupervisionType.Supervision, monthEnd.AddDays(-_random.Next(lapsed ? 100 : 0, lapsed ? 130 : 45)))));
            Add(new SupervisionRecord(_siteId, period, new SupervisionDetails(staff, SupervisionType.Appraisal, monthEnd.AddDays(-_random.Next(20, Chance(0.03) ? 420 : 300)))));
        }
    }

    private void Inspection(Audit evidence)
    {
        var inspected = _firstMonth.AddDays(20);
        for (var f = 1; f <= 4; f++)
        {
            var kind = f <= 2 ? FindingKind.MustDo : FindingKind.ShouldDo;
            var details = new FindingDetails($"F-{f}", inspected, kind, "Regulation 17", "Governance systems were not effective", null);
            var finding = Add(new InspectionFinding(_siteId, details));
            var action = Chance(0.1) ? null : Action($"ACT-INSP-{f}", inspected.AddDays(7), ActionSource.Inspection, finding, evidence, AssuranceArea.Governance);
            finding.Record(action is null ? details : details with { ActionRef = action.Ref }, action?.Id);
        }
    }

    /// <summary>What leaders claim now: assurance statements, the recovery map and the self-assessment.</summary>
    private void Claims(List<Audit> latestAudits, StaffingWeek? week, FeedbackItem? feedback, ImprovementAction? staffingAction)
    {
        var areas = new[] { AssuranceArea.Staffing, AssuranceArea.Documentation, AssuranceArea.Medication, AssuranceArea.Safeguarding, AssuranceArea.Governance };
        for (var a = 0; a < areas.Length; a++)
        {
            var green = !Chance(0.3);
            var statement = Add(new AssuranceStatement(_siteId, new AssuranceDetails($"AS-{a + 1}", areas[a], $"{areas[a]} is safe and improving", green ? RagRating.Green : RagRating.Amber, Confidence.Qualified, null, null)));
            if (!_unsupportedClaims)
            {
                Cite(RecordKind.Assurance, statement.Id, latestAudits[a % latestAudits.Count]);
                if (areas[a] == AssuranceArea.Staffing && week is not null)
                {
                    Cite(RecordKind.Assurance, statement.Id, week);
                }

                if (feedback is not null && !Chance(0.3))
                {
                    Cite(RecordKind.Assurance, statement.Id, feedback);
                }
            }
        }

        var riskAreas = new[] { AssuranceArea.Staffing, AssuranceArea.Safeguarding, AssuranceArea.Medication, (AssuranceArea)_random.Next(9) };
        for (var r = 0; r < riskAreas.Length; r++)
        {
            var trend = (RiskTrend)_random.Next(4);
            var incomplete = Chance(0.05);
            var action = riskAreas[r] == AssuranceArea.Staffing ? staffingAction : null;
            var details = new RecoveryDetails(
                $"R-{r + 1}", riskAreas[r], $"{riskAreas[r]} risk", "Baseline from the last inspection", "Halve it within 12 weeks", action?.Ref,
                incomplete ? null : "Monthly audit", "Registered manager", incomplete ? null : "Monthly quality meeting; provider oversight quarterly",
                _today.AddDays(Chance(0.1) ? -30 : 20), trend, null);
            var risk = Add(new RecoveryRisk(_siteId, details));
            risk.Record(details, action?.Id);
            if (trend is RiskTrend.Improving or RiskTrend.Resolved && !_unsupportedClaims)
            {
                Cite(RecordKind.Recovery, risk.Id, latestAudits[r % latestAudits.Count]);
            }
        }

        Add(new SelfAssessment(_siteId, new SelfAssessmentDetails("Governance, management and sustainability", Chance(0.2) ? QualityRating.Good : QualityRating.RequiresImprovement, null)));
        Add(new SelfAssessment(_siteId, new SelfAssessmentDetails("Learning, improvement and innovation", Chance(0.3) ? QualityRating.Good : QualityRating.RequiresImprovement, null)));
    }

    private void Cite(RecordKind ownerKind, Guid ownerId, SiteRecord evidence) =>
        Add(new EvidenceLink(_siteId, new RecordLink(ownerKind, ownerId), new RecordLink(evidence.Kind, evidence.Id), $"{evidence.Kind}:{evidence.Ref}"));
}
