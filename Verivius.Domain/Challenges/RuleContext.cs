using System.Globalization;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Challenges;

/// <summary>
/// One site's records as of one day, with the lookups the rules share. A record dated after the as-of
/// day has not happened yet; a closure, notification or response dated after it has not been made yet.
/// </summary>
internal sealed class RuleContext
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly Dictionary<Guid, ImprovementAction> _actionsById;
    private readonly ILookup<RecordLink, ImprovementAction> _actionsBySource;
    private readonly Dictionary<RecordLink, IEvidence> _evidence;
    private readonly ILookup<RecordLink, EvidenceLink> _citations;
    private readonly Dictionary<RecordLink, string> _references = [];

    public RuleContext(SiteEvidence site, ChallengeThresholds thresholds, DateOnly asOf, WorkingDays workingDays)
    {
        Site = site;
        Thresholds = thresholds;
        AsOf = asOf;
        WorkingDays = workingDays;
        Actions = [.. site.Actions.Where(a => a.Details.RaisedOn <= asOf).OrderBy(a => a.Ref, StringComparer.Ordinal)];
        Meetings = [.. site.Meetings.Where(m => m.Details.HeldOn <= asOf).OrderBy(m => m.Details.HeldOn).ThenBy(m => m.Ref, StringComparer.Ordinal)];
        Decisions = [.. site.Decisions.Where(d => d.MadeOn <= asOf).OrderBy(d => d.Ref, StringComparer.Ordinal)];
        Incidents = [.. site.Incidents.Where(i => i.Details.OccurredOn <= asOf).OrderBy(i => i.Ref, StringComparer.Ordinal)];
        Complaints = [.. site.Complaints.Where(c => c.Details.ReceivedOn <= asOf).OrderBy(c => c.Ref, StringComparer.Ordinal)];
        Audits = [.. site.Audits.Where(a => a.Details.HeldOn <= asOf).OrderBy(a => a.Details.HeldOn).ThenBy(a => a.Ref, StringComparer.Ordinal)];
        Staffing = [.. site.Staffing.Where(w => w.Details.WeekStarting <= asOf).OrderBy(w => w.Details.WeekStarting)];
        Feedback = [.. site.Feedback.Where(f => f.Details.ReceivedOn <= asOf).OrderBy(f => f.Ref, StringComparer.Ordinal)];
        Findings = [.. site.Findings.Where(f => f.Details.InspectedOn <= asOf).OrderBy(f => f.Ref, StringComparer.Ordinal)];
        Assurance = [.. site.Assurance.OrderBy(a => a.Ref, StringComparer.Ordinal)];
        Risks = [.. site.Risks.OrderBy(r => r.Ref, StringComparer.Ordinal)];
        TrainingPeriod = site.Training.Where(t => t.Period <= asOf).Select(t => (DateOnly?)t.Period).Max();
        Training = [.. site.Training.Where(t => t.Period == TrainingPeriod).OrderBy(t => t.Details.StaffRef, StringComparer.Ordinal).ThenBy(t => t.Details.Course, StringComparer.Ordinal)];
        var supervisionPeriod = site.Supervision.Where(s => s.Period <= asOf).Select(s => (DateOnly?)s.Period).Max();
        Supervision = [.. site.Supervision.Where(s => s.Period == supervisionPeriod && s.Details.HeldOn <= asOf)];
        PackPeriods = [.. site.PackPeriods.Where(p => p <= asOf).Order()];
        ReportingFrom = site.ReportingFrom ?? (PackPeriods.Count > 0 ? PackPeriods[0] : null);

        _actionsById = Actions.ToDictionary(a => a.Id);
        _actionsBySource = Actions.Where(a => a.SourceRecord is not null).ToLookup(a => a.SourceRecord!.Value);
        _evidence = new Dictionary<RecordLink, IEvidence>();
        foreach (var record in CitableRecords(site))
        {
            var link = new RecordLink(record.Kind, record.Id);
            _evidence[link] = (IEvidence)record;
            _references[link] = record.Ref;
        }

        _citations = site.EvidenceLinks.ToLookup(l => new RecordLink(l.OwnerKind, l.OwnerId));
    }

    public SiteEvidence Site { get; }

    public ChallengeThresholds Thresholds { get; }

    public DateOnly AsOf { get; }

    public WorkingDays WorkingDays { get; }

    public IReadOnlyList<ImprovementAction> Actions { get; }

    public IReadOnlyList<GovernanceMeeting> Meetings { get; }

    public IReadOnlyList<MeetingDecision> Decisions { get; }

    public IReadOnlyList<Incident> Incidents { get; }

    public IReadOnlyList<Complaint> Complaints { get; }

    public IReadOnlyList<Audit> Audits { get; }

    public IReadOnlyList<StaffingWeek> Staffing { get; }

    public IReadOnlyList<FeedbackItem> Feedback { get; }

    public IReadOnlyList<InspectionFinding> Findings { get; }

    public IReadOnlyList<AssuranceStatement> Assurance { get; }

    public IReadOnlyList<RecoveryRisk> Risks { get; }

    /// <summary>The first day of the month of the current training matrix, if there is one.</summary>
    public DateOnly? TrainingPeriod { get; }

    public IReadOnlyList<TrainingRecord> Training { get; }

    public IReadOnlyList<SupervisionRecord> Supervision { get; }

    public IReadOnlyList<DateOnly> PackPeriods { get; }

    /// <summary>The first month a pack is owed for; null when the site owes none yet (no reporting month and no pack).</summary>
    public DateOnly? ReportingFrom { get; }

    /// <summary>The month the rules judge "the period" by: the newest pack's month, or the as-of month without packs.</summary>
    public DateOnly CurrentPeriod => PackPeriods.Count > 0 ? PackPeriods[^1] : new DateOnly(AsOf.Year, AsOf.Month, 1);

    /// <summary>True when a dated step was taken on or before the as-of day.</summary>
    public bool Done(DateOnly? day) => day is { } d && d <= AsOf;

    /// <summary>Days from <paramref name="day"/> to the as-of day.</summary>
    public int DaysSince(DateOnly day) => AsOf.DayNumber - day.DayNumber;

    public bool IsClosed(ImprovementAction action) =>
        action.Details.Status == ActionStatus.Closed && (action.Details.ClosedOn is not { } closed || closed <= AsOf);

    public ImprovementAction? Action(Guid? id) => id is { } key && _actionsById.TryGetValue(key, out var action) ? action : null;

    /// <summary>The actions that carry out a record: the one it names, and those that name it as their source.</summary>
    public IReadOnlyList<ImprovementAction> ActionsFor(RecordKind kind, Guid recordId, Guid? namedActionId) =>
        [.. _actionsBySource[new RecordLink(kind, recordId)].Concat(Action(namedActionId) is { } named ? [named] : []).Distinct()];

    /// <summary>The dated evidence a statement or risk cites, as of the as-of day.</summary>
    public IReadOnlyList<(RecordLink Link, IEvidence Evidence)> CitedEvidence(RecordKind ownerKind, Guid ownerId) =>
        [.. _citations[new RecordLink(ownerKind, ownerId)]
            .Select(l => new RecordLink(l.EvidenceKind, l.EvidenceId))
            .Distinct()
            .Where(_evidence.ContainsKey)
            .Select(l => (l, _evidence[l]))];

    /// <summary>Every dated record of the site whose kind is one of <paramref name="kinds"/>, for coverage counts.</summary>
    public IEnumerable<IEvidence> EvidenceOfKinds(IReadOnlySet<RecordKind> kinds)
    {
        var records = _evidence.Where(e => kinds.Contains(e.Key.Kind)).Select(e => e.Value);
        if (kinds.Contains(RecordKind.Training))
        {
            records = records.Concat(Training.Where(t => t.EvidenceDate <= AsOf));
        }

        return kinds.Contains(RecordKind.Supervision) ? records.Concat(Supervision) : records;
    }

    public SubjectRef RefOf(RecordLink link) => new(link.Kind, RefLookup(link));

    public static string Day(DateOnly day) => day.ToBritishDate();

    public static string Month(DateOnly day) => day.ToBritishMonth();

    public static string Percent(double value) => value.ToString("0.#", British) + "%";

    /// <summary>Joins "a", "b" and "c" as people write them.</summary>
    public static string Listed(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    /// <summary>A record's own title, shortened to fit in a sentence.</summary>
    public static string Quoted(string text)
    {
        var trimmed = text.Trim();
        return "\"" + (trimmed.Length <= 60 ? trimmed : trimmed[..57].TrimEnd() + "…") + "\"";
    }

    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    private string RefLookup(RecordLink link) => _references.TryGetValue(link, out var reference) ? reference : link.RecordId.ToString();

    /// <summary>
    /// Every record an EvidenceRefs cell may cite, as of the as-of day: each citable kind of the record
    /// catalogue, and attachments. A citable kind left out here would make every citation of it read as missing.
    /// </summary>
    internal IEnumerable<SiteRecord> CitableRecords(SiteEvidence site) =>
        [.. Actions, .. Meetings, .. Decisions, .. Incidents, .. Complaints, .. Audits, .. Staffing, .. Feedback, .. Findings, .. site.Attachments.Where(a => a.EvidenceDate <= AsOf)];
}
