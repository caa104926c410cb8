using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using static Verivius.Domain.Challenges.RuleContext;

namespace Verivius.Domain.Challenges;

/// <summary>Section A of the catalogue: the gaps in the evidence trail that Well-led is failed on.</summary>
internal static class EvidenceTrailRules
{
    public static IEnumerable<ChallengeFinding> All(RuleContext c) =>
        MinutesThin(c).Concat(MeetingGap(c)).Concat(NoClosures(c)).Concat(ClosedNoDetail(c)).Concat(Overdue(c)).Concat(NoOwner(c))
            .Concat(Notifications(c)).Concat(Candour(c)).Concat(IncidentsWithoutAction(c))
            .Concat(MatrixStale(c)).Concat(MatrixTooClean(c)).Concat(TrainingWithoutPlan(c)).Concat(SupervisionOverdue(c))
            .Concat(InspectionWithoutResponse(c));

    public static bool IsGovernance(MeetingType type) => GovernanceMeeting.OversightTypes.Contains(type);

    private static IEnumerable<GovernanceMeeting> GovernanceMeetings(RuleContext c) => c.Meetings.Where(m => IsGovernance(m.Details.Type));

    private static IEnumerable<ChallengeFinding> MinutesThin(RuleContext c)
    {
        var decided = c.Decisions.Select(d => d.MeetingId).ToHashSet();
        foreach (var meeting in GovernanceMeetings(c).Where(m => !decided.Contains(m.Id)))
        {
            yield return new(
                ChallengeCodes.TrailMinutesThin, $"Meetings:{meeting.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Meetings, meeting.Ref)],
                $"The {MeetingName(meeting.Details.Type)} meeting {meeting.Ref} of {Day(meeting.Details.HeldOn)} records no decision.", meeting.Details.HeldOn);
        }

        foreach (var decision in c.Decisions)
        {
            var action = c.Action(decision.ActionId);
            var missing = new List<string>();
            if (action is null)
            {
                missing.Add("no action");
            }

            if (string.IsNullOrWhiteSpace(decision.Details.Owner ?? action?.Details.Owner))
            {
                missing.Add("no owner");
            }

            if ((decision.Details.ReviewOn ?? action?.Details.DueOn) is null)
            {
                missing.Add("no review date");
            }

            if (missing.Count > 0)
            {
                yield return new(
                    ChallengeCodes.TrailMinutesThin, $"Decisions:{decision.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Decisions, decision.Ref)],
                    $"Decision {decision.Ref} of the meeting of {Day(decision.MadeOn)} has {Listed(missing)}.", decision.MadeOn);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> MeetingGap(RuleContext c)
    {
        var limit = c.Thresholds.MeetingGapDays;
        var meetings = GovernanceMeetings(c).ToList();
        var windowStart = c.AsOf.AddMonths(-12);
        for (var i = 1; i < meetings.Count; i++)
        {
            var (before, after) = (meetings[i - 1], meetings[i]);
            var gap = after.Details.HeldOn.DayNumber - before.Details.HeldOn.DayNumber;
            if (after.Details.HeldOn >= windowStart && gap > limit)
            {
                yield return new(
                    ChallengeCodes.TrailMeetingGap, $"gap:{before.Ref}:{after.Ref}", ChallengeSeverity.High,
                    [new(RecordKind.Meetings, before.Ref), new(RecordKind.Meetings, after.Ref)],
                    $"{gap} days passed between the governance meetings of {Day(before.Details.HeldOn)} ({before.Ref}) and {Day(after.Details.HeldOn)} ({after.Ref}); the most allowed is {limit}.", before.Details.HeldOn.AddDays(limit));
            }
        }

        var last = meetings.LastOrDefault();
        if (last is not null)
        {
            if (c.DaysSince(last.Details.HeldOn) > limit)
            {
                yield return new(
                    ChallengeCodes.TrailMeetingGap, "since-last", ChallengeSeverity.High, [new(RecordKind.Meetings, last.Ref)],
                    $"No governance meeting has been minuted since {Day(last.Details.HeldOn)} ({last.Ref}); the {limit}-day interval ran out on {Day(last.Details.HeldOn.AddDays(limit))}.", last.Details.HeldOn.AddDays(limit));
            }
        }
        else if (c.PackPeriods.Count > 0 && c.DaysSince(c.PackPeriods[0]) > limit)
        {
            yield return new(
                ChallengeCodes.TrailMeetingGap, "since-last", ChallengeSeverity.High, [],
                $"No governance meeting has been minuted since the site's first pack ({Month(c.PackPeriods[0])}); the {limit}-day interval ran out on {Day(c.PackPeriods[0].AddDays(limit))}.", c.PackPeriods[0].AddDays(limit));
        }
    }

    private static IEnumerable<ChallengeFinding> NoClosures(RuleContext c)
    {
        var open = c.Actions.Where(a => !c.IsClosed(a)).ToList();
        var lastClosure = c.Actions.Where(c.IsClosed).Select(a => a.Details.ClosedOn).Max();
        var days = c.Thresholds.StalledClosureDays;
        if (open.Count >= c.Thresholds.StalledOpenActions && (lastClosure is not { } closed || c.DaysSince(closed) > days))
        {
            var since = lastClosure is { } last ? $"none has been closed in the last {days} days (the last closure was on {Day(last)})" : "none has ever been closed";
            yield return new(
                ChallengeCodes.ActNoClosures, "site", ChallengeSeverity.High, [.. open.Select(a => new SubjectRef(RecordKind.Actions, a.Ref))],
                $"{open.Count} actions are open and {since}.");
        }
    }

    private static IEnumerable<ChallengeFinding> ClosedNoDetail(RuleContext c)
    {
        foreach (var action in c.Actions.Where(c.IsClosed))
        {
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(action.Details.Outcome))
            {
                missing.Add("no outcome");
            }

            if (action.ClosureEvidence is null)
            {
                missing.Add("no closure evidence");
            }

            if (missing.Count > 0)
            {
                var on = action.Details.ClosedOn is { } closed ? $" on {Day(closed)}" : "";
                yield return new(
                    ChallengeCodes.ActClosedNoDetail, $"Actions:{action.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Actions, action.Ref)],
                    $"Action {action.Ref} ({Quoted(action.Details.Title)}) was closed{on} with {Listed(missing)}.", action.Details.ClosedOn);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> Overdue(RuleContext c)
    {
        var t = c.Thresholds;
        foreach (var action in c.Actions.Where(a => !c.IsClosed(a)))
        {
            if (action.Details.DueOn is { } due && c.DaysSince(due) > t.ActionOverdueDays)
            {
                var high = c.DaysSince(due) > t.ActionOverdueHighDays;
                var owner = string.IsNullOrWhiteSpace(action.Details.Owner) ? "" : $", owned by {action.Details.Owner.Trim()},";
                yield return new(
                    ChallengeCodes.ActOverdue, $"Actions:{action.Ref}", high ? ChallengeSeverity.High : ChallengeSeverity.Medium, [new(RecordKind.Actions, action.Ref)],
                    $"Action {action.Ref} ({Quoted(action.Details.Title)}){owner} was due on {Day(due)} and is still open, more than {(high ? t.ActionOverdueHighDays : t.ActionOverdueDays)} days late.", due.AddDays(t.ActionOverdueDays));
            }
        }
    }

    private static IEnumerable<ChallengeFinding> NoOwner(RuleContext c)
    {
        foreach (var action in c.Actions.Where(a => !c.IsClosed(a)))
        {
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(action.Details.Owner))
            {
                missing.Add("no owner");
            }

            if (action.Details.DueOn is null)
            {
                missing.Add("no due date");
            }

            if (missing.Count > 0)
            {
                yield return new(
                    ChallengeCodes.ActNoOwner, $"Actions:{action.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Actions, action.Ref)],
                    $"Open action {action.Ref} ({Quoted(action.Details.Title)}) has {Listed(missing)}.", action.Details.RaisedOn);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> Notifications(RuleContext c)
    {
        var allowed = c.Thresholds.NotificationDays;
        foreach (var incident in c.Incidents)
        {
            var d = incident.Details;
            var subject = new SubjectRef(RecordKind.Incidents, incident.Ref);
            if (d.CqcNotifiable && !c.Done(d.NotificationSentOn))
            {
                yield return new(
                    ChallengeCodes.IncNotificationMissing, $"Incidents:{incident.Ref}", ChallengeSeverity.High, [subject],
                    $"Incident {incident.Ref} ({PlainWords.InSentence(d.Category)}, {Harm(d.Severity)}) of {Day(d.OccurredOn)} is CQC-notifiable, but no notification has been sent.", d.OccurredOn);
            }
            else if (c.Done(d.NotificationSentOn) && d.NotificationSentOn!.Value.DayNumber - d.OccurredOn.DayNumber > allowed)
            {
                var sent = d.NotificationSentOn.Value;
                yield return new(
                    ChallengeCodes.IncNotificationLate, $"Incidents:{incident.Ref}", ChallengeSeverity.Medium, [subject],
                    $"The notification for incident {incident.Ref} of {Day(d.OccurredOn)} was sent on {Day(sent)}, {sent.DayNumber - d.OccurredOn.DayNumber} days after it; the most allowed is {allowed}.", d.OccurredOn.AddDays(allowed));
            }
        }
    }

    private static IEnumerable<ChallengeFinding> Candour(RuleContext c)
    {
        var allowed = c.Thresholds.CandourWrittenWorkingDays;
        foreach (var incident in c.Incidents.Where(i => i.Details.CandourApplies))
        {
            var d = incident.Details;
            var subject = new SubjectRef(RecordKind.Incidents, incident.Ref);
            var missing = new List<string>();
            if (!c.Done(d.CandourInPersonOn))
            {
                missing.Add("no in-person notification");
            }

            if (d.ApologyGiven != true)
            {
                missing.Add("no apology");
            }

            if (missing.Count > 0)
            {
                yield return new(
                    ChallengeCodes.IncCandourMissing, $"Incidents:{incident.Ref}", ChallengeSeverity.High, [subject],
                    $"Duty of candour applies to incident {incident.Ref} of {Day(d.OccurredOn)}, but the record shows {Listed(missing)}.", d.OccurredOn);
            }

            var deadline = c.WorkingDays.After(d.OccurredOn, allowed);
            if (c.Done(d.CandourWrittenOn) && d.CandourWrittenOn!.Value > deadline)
            {
                yield return new(
                    ChallengeCodes.IncCandourLate, $"Incidents:{incident.Ref}", ChallengeSeverity.High, [subject],
                    $"The written candour follow-up for incident {incident.Ref} of {Day(d.OccurredOn)} was sent on {Day(d.CandourWrittenOn.Value)}, after the {allowed}-working-day deadline of {Day(deadline)}.", deadline);
            }
            else if (!c.Done(d.CandourWrittenOn) && c.AsOf > deadline)
            {
                yield return new(
                    ChallengeCodes.IncCandourLate, $"Incidents:{incident.Ref}", ChallengeSeverity.High, [subject],
                    $"The written candour follow-up for incident {incident.Ref} of {Day(d.OccurredOn)} was due by {Day(deadline)} ({allowed} working days) and is not recorded.", deadline);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> IncidentsWithoutAction(RuleContext c)
    {
        foreach (var incident in c.Incidents.Where(i => i.Details.Severity >= Severity.Moderate))
        {
            if (c.ActionsFor(RecordKind.Incidents, incident.Id, incident.ActionId).Count == 0)
            {
                yield return new(
                    ChallengeCodes.IncNoAction, $"Incidents:{incident.Ref}", ChallengeSeverity.Medium, [new(RecordKind.Incidents, incident.Ref)],
                    $"Incident {incident.Ref} ({PlainWords.InSentence(incident.Details.Category)}, {Harm(incident.Details.Severity)}) of {Day(incident.Details.OccurredOn)} has no linked action.", incident.Details.OccurredOn);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> MatrixStale(RuleContext c)
    {
        var days = c.Thresholds.MatrixStaleDays;
        if (c.TrainingPeriod is { } period)
        {
            var monthEnd = period.AddMonths(1).AddDays(-1);
            if (c.DaysSince(monthEnd) > days)
            {
                yield return new(
                    ChallengeCodes.TrnMatrixStale, "matrix", ChallengeSeverity.High, [new(RecordKind.Training, period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))],
                    $"The newest training matrix is for {Month(period)}; it has been more than {days} days old since {Day(monthEnd.AddDays(days))}.", monthEnd.AddDays(days));
            }
        }
        else if (c.PackPeriods.Count > 0 && c.DaysSince(c.PackPeriods[0].AddMonths(1).AddDays(-1)) > days)
        {
            var firstEnd = c.PackPeriods[0].AddMonths(1).AddDays(-1);
            yield return new(
                ChallengeCodes.TrnMatrixStale, "matrix", ChallengeSeverity.High, [],
                $"No pack has carried a training matrix since the site's first pack ({Month(c.PackPeriods[0])}); one has been due since {Day(firstEnd.AddDays(days))}.", firstEnd.AddDays(days));
        }
    }

    private static IEnumerable<ChallengeFinding> MatrixTooClean(RuleContext c)
    {
        if (c.TrainingPeriod is not { } period)
        {
            yield break;
        }

        var monthEnd = period.AddMonths(1).AddDays(-1);
        var staff = c.Training.Select(t => t.Details.StaffRef).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var imperfect = c.Training.Count(t => t.Details.CompletedOn is null || t.Details.ExpiresOn < monthEnd);
        if (staff >= c.Thresholds.MatrixTooCleanStaff && imperfect == 0)
        {
            yield return new(
                ChallengeCodes.TrnMatrixTooClean, "matrix", ChallengeSeverity.Low, [new(RecordKind.Training, period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))],
                $"The training matrix for {Month(period)} lists {staff} staff and {c.Training.Count} course records with none overdue and none missing.");
        }
    }

    private static IEnumerable<ChallengeFinding> TrainingWithoutPlan(RuleContext c)
    {
        foreach (var row in c.Training.Where(t => t.Details.Mandatory && t.Details.PlannedOn is null))
        {
            var d = row.Details;
            var problem = d.CompletedOn is null
                ? $"no record of mandatory {d.Course.Trim()}"
                : d.ExpiresOn is { } expired && expired < c.AsOf ? $"mandatory {d.Course.Trim()} expired on {Day(expired)}" : null;
            if (problem is not null)
            {
                var reference = $"{d.StaffRef.Trim()}/{d.Course.Trim()}";
                DateOnly? since = d.CompletedOn is null ? null : d.ExpiresOn;
                yield return new(
                    ChallengeCodes.TrnOverdueNoPlan, $"Training:{reference}", ChallengeSeverity.Medium, [new(RecordKind.Training, reference)],
                    $"{d.StaffRef.Trim()} ({d.Role.Trim()}) has {problem} and no planned date.", since);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> SupervisionOverdue(RuleContext c)
    {
        var t = c.Thresholds;
        var staff = c.Training.Select(r => r.Details.StaffRef.Trim())
            .Concat(c.Supervision.Select(s => s.Details.StaffRef.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        var held = c.Supervision.ToLookup(s => (s.Details.StaffRef.Trim().ToUpperInvariant(), s.Details.Type));
        foreach (var person in staff)
        {
            var problems = new List<string>();
            DateOnly? since = null;
            foreach (var (type, limit) in new[] { (SupervisionType.Supervision, t.SupervisionDays), (SupervisionType.Appraisal, t.AppraisalDays) })
            {
                var noun = type == SupervisionType.Supervision ? "supervision" : "appraisal";
                var last = held[(person.ToUpperInvariant(), type)].Select(s => (DateOnly?)s.Details.HeldOn).Max();
                if (last is not { } lastHeld)
                {
                    problems.Add($"no {noun} on record");
                }
                else if (c.DaysSince(lastHeld) > limit)
                {
                    problems.Add($"had no {noun} since {Day(lastHeld)} (more than {limit} days)");
                    since = Earlier(since, lastHeld.AddDays(limit));
                }
            }

            if (problems.Count > 0)
            {
                yield return new(
                    ChallengeCodes.SupOverdue, $"Supervision:{person}", ChallengeSeverity.Medium, [new(RecordKind.Supervision, person)],
                    $"{person} has {Listed(problems)}.", since);
            }
        }
    }

    private static IEnumerable<ChallengeFinding> InspectionWithoutResponse(RuleContext c)
    {
        if (c.Findings.Count == 0)
        {
            yield break;
        }

        var latest = c.Findings.Max(f => f.Details.InspectedOn);
        foreach (var finding in c.Findings.Where(f => f.Details.InspectedOn == latest))
        {
            var d = finding.Details;
            var actions = c.ActionsFor(RecordKind.Inspection, finding.Id, finding.ActionId);
            var kind = d.Kind == FindingKind.MustDo ? "must-do" : "should-do";
            var severity = d.Kind == FindingKind.MustDo ? ChallengeSeverity.High : ChallengeSeverity.Medium;
            var subject = new SubjectRef(RecordKind.Inspection, finding.Ref);
            if (actions.Count == 0)
            {
                yield return new(
                    ChallengeCodes.InspNoResponse, $"Inspection:{finding.Ref}", severity, [subject],
                    $"The {kind} finding {finding.Ref} of the inspection of {Day(latest)} ({Quoted(d.Finding)}) has no linked action.", latest);
            }
            else if (actions.All(a => c.IsClosed(a) && a.ClosureEvidence is null))
            {
                var refs = actions.Select(a => a.Ref).Order(StringComparer.Ordinal).ToList();
                yield return new(
                    ChallengeCodes.InspNoResponse, $"Inspection:{finding.Ref}", severity, [subject, .. refs.Select(r => new SubjectRef(RecordKind.Actions, r))],
                    $"The {kind} finding {finding.Ref} of the inspection of {Day(latest)} ({Quoted(d.Finding)}) has only actions closed without evidence ({Listed(refs)}).", latest);
            }
        }
    }

    private static DateOnly Earlier(DateOnly? one, DateOnly other) => one is { } day && day < other ? day : other;

    private static string MeetingName(MeetingType type) => type == MeetingType.ProviderOversight ? "provider oversight" : type.ToString().ToLowerInvariant();

    private static string Harm(Severity severity) => severity switch
    {
        Severity.None => "no harm",
        Severity.Death => "death",
        _ => PlainWords.InSentence(severity) + " harm",
    };
}
