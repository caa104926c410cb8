using System.Globalization;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Trail;

/// <summary>What a traced chain starts from: the items an inspector picks up for a month.</summary>
public enum TrailItemKind
{
    Decision,
    Incident,
    TrainingDue,
    SupervisionDue,
    InspectionFinding,
}

/// <summary>A link of a chain as found: there, not due yet, or a gap (missing or late).</summary>
public enum LinkState
{
    Found,
    Pending,
    Gap,
}

/// <summary>One link: the step (notification, owner, closure…), what the records show, and for a gap why it is one.</summary>
public sealed record TrailLink(string Step, string Found, LinkState State, string? Reason = null)
{
    public bool IsGap => State == LinkState.Gap;
}

/// <summary>One item traced from its record to the last link, with the records it passed through.</summary>
public sealed record TrailChain(TrailItemKind Kind, string Ref, string Title, IReadOnlyList<TrailLink> Links, IReadOnlyList<SubjectRef> Records)
{
    public bool IsComplete => Links.All(l => !l.IsGap);

    public IEnumerable<TrailLink> Gaps => Links.Where(l => l.IsGap);
}

/// <summary>A month's trail at one site: every chain, how many are complete, and the gaps by kind of step.</summary>
public sealed record TrailAuditResult(DateOnly Month, DateOnly AsOf, IReadOnlyList<TrailChain> Chains)
{
    public int Complete => Chains.Count(c => c.IsComplete);

    /// <summary>The share of chains with no gap; a month with nothing to trace counts as complete.</summary>
    public double ShareComplete => Chains.Count == 0 ? 1 : (double)Complete / Chains.Count;

    public int GapCount => Chains.Sum(c => c.Gaps.Count());

    public IReadOnlyList<(string Step, int Count)> GapsByStep =>
        [.. Chains.SelectMany(c => c.Gaps).GroupBy(g => g.Step).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];

    public IReadOnlyList<(TrailItemKind Kind, int Chains, int Complete)> ByKind =>
        [.. Chains.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Count(c => c.IsComplete)))];
}

/// <summary>
/// The inspector's ninety-minute exercise as code. For one site and month it traces every governance
/// decision to an action with an owner, a due date, a closure and closure evidence; every incident to
/// its notification, its duty-of-candour record, the action that came out of it and that action's
/// evidence; every mandatory training row due that month to a dated update; every member of staff
/// whose supervision fell due that month to a dated session; and every inspection finding still
/// open that month to its action. Each broken or late link is a gap with a plain-English reason.
/// Deadlines are the challenge rules' (same thresholds, same working days).
/// </summary>
public static class TrailAudit
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// <paramref name="evidence"/> holds what the month needs: its decisions and incidents, the
    /// actions they name, the training matrices of the month and the one after, the supervision
    /// records sent for the month or later, and the inspection findings.
    /// </summary>
    public static TrailAuditResult Of(SiteEvidence evidence, DateOnly month, DateOnly asOf, ChallengeThresholds thresholds, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(workingDays);
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var actions = new ActionIndex(evidence.Actions);
        var chains = new List<TrailChain>();
        chains.AddRange(evidence.Decisions.Where(d => d.MadeOn >= first && d.MadeOn <= last).OrderBy(d => d.MadeOn).ThenBy(d => d.Ref, StringComparer.Ordinal)
            .Select(d => Decision(d, actions, asOf)));
        chains.AddRange(evidence.Incidents.Where(i => i.Details.OccurredOn >= first && i.Details.OccurredOn <= last).OrderBy(i => i.Details.OccurredOn).ThenBy(i => i.Ref, StringComparer.Ordinal)
            .Select(i => Incident(i, actions, asOf, thresholds, workingDays)));
        chains.AddRange(TrainingDue(evidence.Training, first, last, asOf));
        chains.AddRange(SupervisionDue(evidence.Supervision, first, last, asOf, thresholds));
        chains.AddRange(evidence.Findings
            .Where(f => f.Details.InspectedOn <= last && !ClosedBefore(actions.Of(f.ActionId, f.Details.ActionRef), first))
            .OrderBy(f => f.Details.Kind).ThenBy(f => f.Ref, StringComparer.Ordinal)
            .Select(f => Finding(f, actions, asOf)));
        return new TrailAuditResult(first, asOf, chains);
    }

    /// <summary>
    /// One of the twelve complete months before <paramref name="today"/>, chosen by <paramref name="seed"/>:
    /// the same seed always picks the same month, so a "random" audit can be shown again and checked.
    /// </summary>
    public static DateOnly RandomMonth(int seed, DateOnly today) =>
        new DateOnly(today.Year, today.Month, 1).AddMonths(-1 - new Random(seed).Next(12));

    private static TrailChain Decision(MeetingDecision decision, ActionIndex actions, DateOnly asOf)
    {
        var links = new List<TrailLink> { new("Decision", $"Decided on {Day(decision.MadeOn)} at meeting {decision.Details.MeetingRef}", LinkState.Found) };
        var records = new List<SubjectRef> { new(RecordKind.Decisions, decision.Ref) };
        var action = actions.Of(decision.ActionId, decision.Details.ActionRef);
        links.AddRange(ActionLinks(action, decision.Details.ActionRef, "The decision names no action, so nothing shows it was carried out.", asOf, records));
        return new TrailChain(TrailItemKind.Decision, decision.Ref, decision.Details.Decision, links, records);
    }

    private static TrailChain Incident(Incident incident, ActionIndex actions, DateOnly asOf, ChallengeThresholds thresholds, WorkingDays workingDays)
    {
        var d = incident.Details;
        var links = new List<TrailLink> { new("Incident", $"{d.Severity} {d.Category} incident on {Day(d.OccurredOn)}", LinkState.Found) };
        var records = new List<SubjectRef> { new(RecordKind.Incidents, incident.Ref) };
        if (d.CqcNotifiable)
        {
            var due = d.OccurredOn.AddDays(thresholds.NotificationDays);
            links.Add(Dated(d.NotificationSentOn, asOf) switch
            {
                null when asOf > due => new("Notification", "No notification to CQC recorded", LinkState.Gap, $"The incident is notifiable and no notification is recorded; it was due by {Day(due)}."),
                null => new("Notification", $"Not sent yet; due by {Day(due)}", LinkState.Pending),
                { } sent when sent > due => new("Notification", $"Sent {Day(sent)}", LinkState.Gap, $"Notified on {Day(sent)}, {sent.DayNumber - d.OccurredOn.DayNumber} days after the incident; the limit is {thresholds.NotificationDays} days."),
                { } sent => new("Notification", $"Sent {Day(sent)}, on time", LinkState.Found),
            });
        }

        if (d.CandourApplies)
        {
            links.Add(Dated(d.CandourInPersonOn, asOf) is { } inPerson
                ? new("Candour in person", $"Told in person on {Day(inPerson)}", LinkState.Found)
                : new("Candour in person", "No in-person notification recorded", LinkState.Gap, "The duty of candour applies and no in-person notification is recorded."));
            links.Add(d.ApologyGiven == true
                ? new("Apology", "Apology given", LinkState.Found)
                : new("Apology", "No apology recorded", LinkState.Gap, "The duty of candour applies and no apology is recorded."));
            var deadline = workingDays.After(d.OccurredOn, thresholds.CandourWrittenWorkingDays);
            links.Add(Dated(d.CandourWrittenOn, asOf) switch
            {
                null when asOf > deadline => new("Written candour", "No written follow-up recorded", LinkState.Gap, $"The written follow-up was due by {Day(deadline)} ({thresholds.CandourWrittenWorkingDays} working days) and is not recorded."),
                null => new("Written candour", $"Not sent yet; due by {Day(deadline)}", LinkState.Pending),
                { } written when written > deadline => new("Written candour", $"Sent {Day(written)}", LinkState.Gap, $"Sent on {Day(written)}, after the {thresholds.CandourWrittenWorkingDays}-working-day deadline of {Day(deadline)}."),
                { } written => new("Written candour", $"Sent {Day(written)}, on time", LinkState.Found),
            });
        }

        var action = actions.Of(incident.ActionId, d.ActionRef);
        if (action is null && d.ActionRef is null && d.Severity < Severity.Moderate)
        {
            links.Add(new("Action", "None needed for a low-harm incident", LinkState.Found));
        }
        else
        {
            links.AddRange(ActionLinks(action, d.ActionRef, $"A {d.Severity.ToString().ToLowerInvariant()} incident with no action recorded: nothing shows what was learned or changed.", asOf, records));
        }

        return new TrailChain(TrailItemKind.Incident, incident.Ref, $"{d.Category} incident ({d.Severity})", links, records);
    }

    private static TrailChain Finding(InspectionFinding finding, ActionIndex actions, DateOnly asOf)
    {
        var d = finding.Details;
        var kind = d.Kind == FindingKind.MustDo ? "Must-do" : "Should-do";
        var links = new List<TrailLink> { new("Finding", $"{kind} finding of the inspection on {Day(d.InspectedOn)}{(d.Regulation is { } r ? $" ({r})" : "")}", LinkState.Found) };
        var records = new List<SubjectRef> { new(RecordKind.Inspection, finding.Ref) };
        links.AddRange(ActionLinks(actions.Of(finding.ActionId, d.ActionRef), d.ActionRef, $"The {kind.ToLowerInvariant()} finding has no action: nothing shows what was done about it.", asOf, records));
        return new TrailChain(TrailItemKind.InspectionFinding, finding.Ref, d.Finding, links, records);
    }

    /// <summary>Action → owner → due date → closure → closure evidence, as far as the chain goes.</summary>
    private static IEnumerable<TrailLink> ActionLinks(ImprovementAction? action, string? namedRef, string noAction, DateOnly asOf, List<SubjectRef> records)
    {
        if (action is null)
        {
            yield return namedRef is null
                ? new("Action", "No action", LinkState.Gap, noAction)
                : new("Action", $"Names action {namedRef}", LinkState.Gap, $"Action {namedRef} is not in the action register.");
            yield break;
        }

        var a = action.Details;
        records.Add(new(RecordKind.Actions, action.Ref));
        yield return new("Action", $"Action {action.Ref}: {a.Title}", LinkState.Found);
        yield return string.IsNullOrWhiteSpace(a.Owner)
            ? new("Owner", "No owner", LinkState.Gap, $"Action {action.Ref} has no owner, so no one answers for it.")
            : new("Owner", a.Owner, LinkState.Found);
        yield return a.DueOn is { } dueOn
            ? new("Due date", $"Due {Day(dueOn)}", LinkState.Found)
            : new("Due date", "No due date", LinkState.Gap, $"Action {action.Ref} has no due date, so it can never be late.");
        if (a.Status == ActionStatus.Closed && Dated(a.ClosedOn, asOf) is { } closed)
        {
            yield return a.DueOn is { } due && closed > due
                ? new("Closure", $"Closed {Day(closed)}", LinkState.Gap, $"Closed on {Day(closed)}, {closed.DayNumber - due.DayNumber} days after it was due.")
                : new("Closure", $"Closed {Day(closed)}", LinkState.Found);
            yield return string.IsNullOrWhiteSpace(a.EvidenceRef) || string.IsNullOrWhiteSpace(a.Outcome)
                ? new("Closure evidence", "None recorded", LinkState.Gap, $"Action {action.Ref} was closed without {(string.IsNullOrWhiteSpace(a.Outcome) ? "an outcome" : "closure evidence")}.")
                : new("Closure evidence", $"{a.EvidenceRef}: {a.Outcome}", LinkState.Found);
            yield break;
        }

        yield return a.DueOn is { } open && open < asOf
            ? new("Closure", "Open", LinkState.Gap, $"Still open, {asOf.DayNumber - open.DayNumber} days past its due date of {Day(open)}.")
            : new("Closure", a.DueOn is { } later ? $"Open, due {Day(later)}" : "Open", LinkState.Pending);
    }

    /// <summary>
    /// A mandatory course whose expiry or planned date falls in the month should show a dated
    /// completion in the month's matrix or the next month's; without the month's matrix there is
    /// nothing to trace, and that is a gap of its own.
    /// </summary>
    private static IEnumerable<TrailChain> TrainingDue(IReadOnlyList<TrainingRecord> training, DateOnly first, DateOnly last, DateOnly asOf)
    {
        var matrix = training.Where(t => t.Period == first).ToList();
        if (matrix.Count == 0)
        {
            if (asOf > last)
            {
                yield return new TrailChain(TrailItemKind.TrainingDue, $"Matrix {first:yyyy-MM}", $"Training matrix for {Month(first)}",
                    [new("Training matrix", "Not sent", LinkState.Gap, $"No training matrix was sent for {Month(first)}, so no row due that month can be traced.")], []);
            }

            yield break;
        }

        var next = first.AddMonths(1);
        var later = training.Where(t => t.Period == next).ToList();
        var updates = matrix.Concat(later)
            .Where(t => t.Details.CompletedOn is { } done && done >= first && done <= asOf)
            .GroupBy(t => (t.Details.StaffRef, t.Details.Course))
            .ToDictionary(g => g.Key, g => g.Max(t => t.Details.CompletedOn!.Value));
        foreach (var row in matrix.Where(t => t.Details.Mandatory && (InMonth(t.Details.ExpiresOn, first, last) || InMonth(t.Details.PlannedOn, first, last)))
            .OrderBy(t => t.Details.StaffRef, StringComparer.Ordinal).ThenBy(t => t.Details.Course, StringComparer.Ordinal))
        {
            var d = row.Details;
            var due = d.ExpiresOn is { } expires && InMonth(expires, first, last) ? expires : d.PlannedOn!.Value;
            var links = new List<TrailLink> { new("Training due", $"{d.Course} for {d.StaffRef}, due {Day(due)}", LinkState.Found) };
            if (updates.TryGetValue((d.StaffRef, d.Course), out var completed))
            {
                links.Add(new("Training update", $"Completed {Day(completed)}", LinkState.Found));
            }
            else if (later.Count == 0 && asOf <= next.AddMonths(1).AddDays(-1))
            {
                links.Add(new("Training update", $"Not yet shown; the {Month(next)} matrix is not due", LinkState.Pending));
            }
            else
            {
                links.Add(new("Training update", "No dated completion", LinkState.Gap,
                    later.Count == 0
                        ? $"Due {Day(due)}; no completion in the {Month(first)} matrix and no matrix was sent for {Month(next)}."
                        : $"Due {Day(due)}; neither the {Month(first)} nor the {Month(next)} matrix shows it completed."));
            }

            yield return new TrailChain(TrailItemKind.TrainingDue, $"{d.StaffRef} {d.Course}", $"{d.Course} ({d.Role})", links, [new(RecordKind.Training, $"{d.StaffRef}/{d.Course}")]);
        }
    }

    /// <summary>
    /// Staff whose supervision fell due in the month (their last session before it plus the
    /// supervision interval), from the first supervision record sent for the month or after it.
    /// </summary>
    private static IEnumerable<TrailChain> SupervisionDue(IReadOnlyList<SupervisionRecord> supervision, DateOnly first, DateOnly last, DateOnly asOf, ChallengeThresholds thresholds)
    {
        var snapshot = supervision.Where(s => s.Period >= first).Select(s => s.Period).DefaultIfEmpty().Min();
        if (snapshot == default)
        {
            yield break;
        }

        var sessions = supervision.Where(s => s.Period == snapshot && s.Details.Type == SupervisionType.Supervision).ToList();
        foreach (var staff in sessions.GroupBy(s => s.Details.StaffRef).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var before = staff.Where(s => s.Details.HeldOn < first).Select(s => s.Details.HeldOn).DefaultIfEmpty().Max();
            if (before == default)
            {
                continue;
            }

            var due = before.AddDays(thresholds.SupervisionDays);
            if (due < first || due > last)
            {
                continue;
            }

            var held = staff.Where(s => s.Details.HeldOn >= first && s.Details.HeldOn <= asOf).Select(s => s.Details.HeldOn).DefaultIfEmpty().Min();
            var links = new List<TrailLink> { new("Supervision due", $"Last supervised {Day(before)}; next due {Day(due)}", LinkState.Found) };
            links.Add(held == default
                ? due < asOf
                    ? new("Supervision", "No session recorded", LinkState.Gap, $"Supervision was due by {Day(due)} ({thresholds.SupervisionDays} days after the last) and none is recorded.")
                    : new("Supervision", $"Not due until {Day(due)}", LinkState.Pending)
                : held > due
                    ? new("Supervision", $"Held {Day(held)}", LinkState.Gap, $"Held on {Day(held)}, {held.DayNumber - due.DayNumber} days after it was due.")
                    : new("Supervision", $"Held {Day(held)}", LinkState.Found));
            yield return new TrailChain(TrailItemKind.SupervisionDue, staff.Key, $"Supervision of {staff.Key}", links, [new(RecordKind.Supervision, staff.Key)]);
        }
    }

    private static bool ClosedBefore(ImprovementAction? action, DateOnly day) =>
        action is { Details: { Status: ActionStatus.Closed, ClosedOn: { } closed } } && closed < day;

    private static DateOnly? Dated(DateOnly? day, DateOnly asOf) => day is { } d && d <= asOf ? d : null;

    private static bool InMonth(DateOnly? day, DateOnly first, DateOnly last) => day is { } d && d >= first && d <= last;

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", British);

    private static string Month(DateOnly month) => month.ToString("MMMM yyyy", British);

    /// <summary>Actions by id (as imported links hold them) and by reference (as the records name them).</summary>
    private sealed class ActionIndex(IReadOnlyList<ImprovementAction> actions)
    {
        private readonly Dictionary<Guid, ImprovementAction> _byId = actions.ToDictionary(a => a.Id);
        private readonly Dictionary<string, ImprovementAction> _byRef = actions.GroupBy(a => a.Ref, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public ImprovementAction? Of(Guid? id, string? reference) =>
            id is { } key && _byId.TryGetValue(key, out var byId) ? byId
            : reference is not null && _byRef.TryGetValue(reference.Trim(), out var byRef) ? byRef
            : null;
    }
}
