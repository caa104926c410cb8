using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Trail;

/// <summary>
/// A site's records as a month's trail audit reads them: the month's decisions and incidents, the
/// actions they and the inspection findings name, the rows of the training matrices of the month
/// before, the month and the month after that matter (those falling due in the month and the
/// completions that could renew them), which of those matrices were sent at all, and the
/// supervision sessions of the same three months' records.
/// </summary>
public sealed class TrailEvidence
{
    public IReadOnlyList<MeetingDecision> Decisions { get; init; } = [];

    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    public IReadOnlyList<ImprovementAction> Actions { get; init; } = [];

    public IReadOnlyList<InspectionFinding> Findings { get; init; } = [];

    public IReadOnlyList<TrainingRecord> Training { get; init; } = [];

    public IReadOnlySet<DateOnly> MatrixMonths { get; init; } = new HashSet<DateOnly>();

    public IReadOnlyList<SupervisionRecord> Supervision { get; init; } = [];

    /// <summary>
    /// The months whose supervision record lists a supervision session: whether the month before's was sent
    /// decides which record the month is judged from, even when every session it lists is too old to be read.
    /// </summary>
    public IReadOnlySet<DateOnly> SupervisionMonths { get; init; } = new HashSet<DateOnly>();

    /// <summary>The same, from every record of a site.</summary>
    public static TrailEvidence From(SiteEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new TrailEvidence
        {
            Decisions = evidence.Decisions,
            Incidents = evidence.Incidents,
            Actions = evidence.Actions,
            Findings = evidence.Findings,
            Training = evidence.Training,
            MatrixMonths = evidence.Training.Select(t => t.Period).ToHashSet(),
            Supervision = evidence.Supervision,
            SupervisionMonths = SessionMonths(evidence.Supervision),
        };
    }

    /// <summary>The months of the records that list a supervision session (not only appraisals or other meetings).</summary>
    public static HashSet<DateOnly> SessionMonths(IEnumerable<SupervisionRecord> records) =>
        records.Where(s => s.Details.Type == SupervisionType.Supervision).Select(s => s.Period).ToHashSet();
}

/// <summary>What a traced chain starts from: the items an inspector picks up for a month.</summary>
public enum TrailItemKind
{
    Decision,
    Incident,
    TrainingDue,
    SupervisionDue,
    InspectionFinding,
}

public static class TrailItemKinds
{
    /// <summary>What a kind of traced item is called on the trail page and in its report.</summary>
    public static string Title(TrailItemKind kind) => kind switch
    {
        TrailItemKind.Decision => "Governance decisions",
        TrailItemKind.Incident => "Incidents",
        TrailItemKind.TrainingDue => "Training due",
        TrailItemKind.SupervisionDue => "Supervision due",
        TrailItemKind.InspectionFinding => "Inspection findings",
        _ => kind.ToString(),
    };
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
    /// <summary>
    /// <paramref name="evidence"/> holds what the month needs (see <see cref="TrailEvidence"/>); more does no harm.
    /// </summary>
    public static TrailAuditResult Of(TrailEvidence evidence, DateOnly month, DateOnly asOf, ChallengeThresholds thresholds, WorkingDays workingDays)
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
        chains.AddRange(TrainingDue(evidence.Training, evidence.MatrixMonths, first, last, asOf));
        chains.AddRange(SupervisionDue(evidence.Supervision, evidence.SupervisionMonths, first, last, asOf, thresholds));
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
    /// A mandatory course falls due in the month when, in the matrix sent before it (the month
    /// before's, or failing that the month's own), it expires or is planned in the month. The update
    /// is a newer completion in the month's or the next month's matrix; one dated after the due day
    /// is late. A month whose own matrix was never sent is a gap of its own.
    /// </summary>
    private static IEnumerable<TrailChain> TrainingDue(IReadOnlyList<TrainingRecord> training, IReadOnlySet<DateOnly> matrixMonths, DateOnly first, DateOnly last, DateOnly asOf)
    {
        var previous = first.AddMonths(-1);
        var next = first.AddMonths(1);
        if (!matrixMonths.Contains(first) && asOf > last)
        {
            yield return new TrailChain(TrailItemKind.TrainingDue, $"Matrix {first:yyyy-MM}", $"Training matrix for {Month(first)}",
                [new("Training matrix", "Not sent", LinkState.Gap, $"No training matrix was sent for {Month(first)}, so no dated update that month can be shown.")], []);
        }

        var source = matrixMonths.Contains(previous) ? previous : first;
        var completions = training.Where(t => (t.Period == first || t.Period == next) && t.Details.CompletedOn is { } done && done <= asOf)
            .ToLookup(t => (t.Details.StaffRef, t.Details.Course), t => t.Details.CompletedOn!.Value);
        var shown = matrixMonths.Contains(next) ? $"the {Month(first)} and {Month(next)} matrices" : $"the {Month(first)} matrix";
        foreach (var row in training.Where(t => t.Period == source && t.Details.Mandatory && (InMonth(t.Details.ExpiresOn, first, last) || InMonth(t.Details.PlannedOn, first, last)))
            .OrderBy(t => t.Details.StaffRef, StringComparer.Ordinal).ThenBy(t => t.Details.Course, StringComparer.Ordinal))
        {
            var d = row.Details;
            var due = d.ExpiresOn is { } expires && InMonth(expires, first, last) ? expires : d.PlannedOn!.Value;
            var links = new List<TrailLink> { new("Training due", $"{d.Course} for {d.StaffRef}, due {Day(due)}", LinkState.Found) };
            var renewed = completions[(d.StaffRef, d.Course)].Where(c => d.CompletedOn is not { } before || c > before).DefaultIfEmpty().Min();
            links.Add(renewed != default
                ? renewed > due
                    ? new("Training update", $"Completed {Day(renewed)}", LinkState.Gap, $"Completed on {Day(renewed)}, {renewed.DayNumber - due.DayNumber} days after it was due on {Day(due)}.")
                    : new("Training update", $"Completed {Day(renewed)}", LinkState.Found)
                : due >= asOf
                    ? new("Training update", $"Not due until {Day(due)}", LinkState.Pending)
                    : !matrixMonths.Contains(first) && !matrixMonths.Contains(next)
                        ? new("Training update", "No matrix to show it", LinkState.Gap, $"Due {Day(due)}; no matrix was sent for {Month(first)} or {Month(next)} to show it done.")
                        : new("Training update", "No dated completion", LinkState.Gap, $"Due {Day(due)}; {shown} show no newer completion."));
            yield return new TrailChain(TrailItemKind.TrainingDue, $"{d.StaffRef} {d.Course}", $"{d.Course} ({d.Role})", links, [new(RecordKind.Training, $"{d.StaffRef}/{d.Course}")]);
        }
    }

    /// <summary>
    /// A member of staff's supervision falls due in the month when their last session in the record
    /// sent before it (the month before's, or failing that the month's own) plus the supervision
    /// interval lands in the month. The session is a newer one in the month's or the next month's
    /// record; one held after the due day is late.
    /// </summary>
    private static IEnumerable<TrailChain> SupervisionDue(
        IReadOnlyList<SupervisionRecord> supervision, IReadOnlySet<DateOnly> sessionMonths, DateOnly first, DateOnly last, DateOnly asOf, ChallengeThresholds thresholds)
    {
        var previous = first.AddMonths(-1);
        var next = first.AddMonths(1);
        var sessions = supervision.Where(s => s.Details.Type == SupervisionType.Supervision).ToList();
        var source = sessionMonths.Contains(previous) ? previous : first;
        var later = sessions.Where(s => (s.Period == first || s.Period == next) && s.Details.HeldOn <= asOf).ToLookup(s => s.Details.StaffRef, s => s.Details.HeldOn);
        foreach (var staff in sessions.Where(s => s.Period == source && s.Details.HeldOn < first).GroupBy(s => s.Details.StaffRef).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var before = staff.Max(s => s.Details.HeldOn);
            var due = before.AddDays(thresholds.SupervisionDays);
            if (due < first || due > last)
            {
                continue;
            }

            var held = later[staff.Key].Where(h => h > before).DefaultIfEmpty().Min();
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

    private static string Day(DateOnly day) => RuleContext.Day(day);

    private static string Month(DateOnly month) => RuleContext.Month(month);

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
