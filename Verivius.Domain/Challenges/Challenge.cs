using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Challenges;

/// <summary>
/// A finding that some assurance, action or record of a site does not stand up, followed through to an
/// answer. A rule's challenge is named by its code and key, so the engine finding the same gap again
/// updates it instead of adding a twin; every step is kept as a <see cref="ChallengeEvent"/>.
/// </summary>
public sealed class Challenge : Entity
{
    public const string ConditionClearedReason = "condition cleared";
    public const int MaxTextLength = 4000;

    private readonly List<ChallengeEvent> _history = [];
    private readonly List<ChallengeSubject> _records = [];

    private Challenge()
    {
    }

    private Challenge(Guid siteId, string code, string key, ChallengeSeverity severity, DateOnly on, DateOnly? since)
    {
        SiteId = siteId;
        Code = code;
        Key = key;
        Severity = severity;
        Status = ChallengeStatus.Open;
        RaisedOn = on;
        OpenedOn = on;
        OpenSince = HeldSince(since, on);
        UpdatedOn = on;
        ConditionHolds = true;
    }

    public Guid SiteId { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>Names the occurrence within the code at the site, such as <c>Actions:A-12</c> or a month.</summary>
    public string Key { get; private set; } = "";

    public ChallengeSeverity Severity { get; private set; }

    public ChallengeStatus Status { get; private set; }

    /// <summary>The records the challenge is about, one <see cref="SubjectRef"/> per line.</summary>
    public string Subjects { get; private set; } = "";

    public string Finding { get; private set; } = "";

    public string Resolution { get; private set; } = "";

    public DateOnly RaisedOn { get; private set; }

    /// <summary>When it was last opened: raised, or reopened because its condition returned.</summary>
    public DateOnly OpenedOn { get; private set; }

    /// <summary>
    /// When the condition of this opening first held (an action's due date plus its grace days, a roll-up's
    /// oldest record), never after <see cref="OpenedOn"/>: ages and the "open more than N days" filters count from it.
    /// </summary>
    public DateOnly OpenSince { get; private set; }

    public DateOnly UpdatedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosedReason { get; private set; }

    /// <summary>Whether the rule found the condition at its last run (always true for a manual challenge).</summary>
    public bool ConditionHolds { get; private set; }

    public DateOnly? EscalatedOn { get; private set; }

    public string? EscalationReason { get; private set; }

    public IReadOnlyList<ChallengeEvent> History => _history;

    public IReadOnlyList<SubjectRef> SubjectRefs => SubjectRef.Split(Subjects);

    /// <summary>The records the challenge is about, one row each, so that "the challenges on this record" is a join.</summary>
    public IReadOnlyList<ChallengeSubject> Records => _records;

    public bool IsManual => Code == ChallengeCodes.Manual;

    public static Challenge Raise(Guid siteId, ChallengeFinding finding, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var challenge = new Challenge(siteId, finding.Code, finding.Key, finding.Severity, on, finding.Since);
        challenge.Describe(finding.Subjects, finding.Finding, finding.Resolution, on);
        challenge.Record(ChallengeEventKind.Raised, on, finding.Finding);
        return challenge;
    }

    /// <summary>A challenge a nominated individual raises by hand on one record.</summary>
    public static Challenge RaiseManual(Guid siteId, SubjectRef subject, ChallengeSeverity severity, string finding, string resolution, DateOnly on)
    {
        var challenge = new Challenge(siteId, ChallengeCodes.Manual, Guid.NewGuid().ToString("N"), severity, on, null);
        challenge.Describe([subject], Required(finding, "the finding"), Required(resolution, "what would resolve it"), on);
        challenge.Record(ChallengeEventKind.Raised, on, challenge.Finding);
        return challenge;
    }

    /// <summary>
    /// The engine found the condition again. An active challenge takes the new wording if it changed; a
    /// closed one whose condition had cleared since is reopened; one closed by the NI while the condition
    /// held stays closed, unless it rolls records up and a record joined that the NI's decision did not
    /// cover. Records joining or leaving a roll-up are told in its history. Returns what changed, if anything.
    /// </summary>
    public ChallengeEventKind? Found(ChallengeFinding finding, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var held = SubjectRefs;
        var joined = finding.Subjects.Except(held).ToList();
        var left = held.Except(finding.Subjects).ToList();
        var returned = Returns(finding);
        ConditionHolds = true;
        if (returned)
        {
            Status = ChallengeStatus.Open;
            OpenedOn = on;
            OpenSince = HeldSince(Later(finding.Since, ClosedOn), on);
            ClosedOn = null;
            ClosedReason = null;
            EscalatedOn = null;
            EscalationReason = null;
            Severity = finding.Severity;
            Describe(finding.Subjects, finding.Finding, finding.Resolution, on);
            return Record(ChallengeEventKind.Reopened, on, Told(joined, left, finding.Finding));
        }

        if (!Status.IsActive())
        {
            return null;
        }

        // A challenge raised before its rule could date the condition learns the true date the first time it can.
        OpenSince = HeldSince(finding.Since, OpenSince);
        if (Says(finding))
        {
            return null;
        }

        Severity = finding.Severity;
        Describe(finding.Subjects, finding.Finding, finding.Resolution, on);
        return Record(ChallengeEventKind.Changed, on, Told(joined, left, finding.Finding));
    }

    /// <summary>
    /// Whether <see cref="Found"/> would write the finding over the challenge's wording and the records it is about: a
    /// register read without its records must load them for these first.
    /// </summary>
    public bool Rewrites(ChallengeFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Returns(finding) || (Status.IsActive() && !Says(finding));
    }

    /// <summary>Whether the finding reopens the challenge: closed as its condition cleared, or a roll-up closed before a record joined.</summary>
    private bool Returns(ChallengeFinding finding) =>
        !Status.IsActive() && (!ConditionHolds || (RolledUpFindings.RollsUp(Code) && finding.Subjects.Except(SubjectRefs).Any()));

    private bool Says(ChallengeFinding finding) => Finding == finding.Finding && Severity == finding.Severity && Subjects == SubjectRef.Join(finding.Subjects);

    /// <summary>A roll-up's step names the records that joined and left, so its history reads as the list changing.</summary>
    private string Told(List<SubjectRef> joined, List<SubjectRef> left, string finding)
    {
        if (!RolledUpFindings.RollsUp(Code))
        {
            return finding;
        }

        var changes = new List<string>();
        if (joined.Count > 0)
        {
            changes.Add($"{RuleContext.Listed([.. joined.Select(s => s.Ref)])} joined the list");
        }

        if (left.Count > 0)
        {
            changes.Add($"{RuleContext.Listed([.. left.Select(s => s.Ref)])} left it");
        }

        return changes.Count == 0 ? finding : $"{string.Join("; ", changes)}. {finding}";
    }

    private static DateOnly HeldSince(DateOnly? since, DateOnly noLaterThan) => since is { } day && day < noLaterThan ? day : noLaterThan;

    private static DateOnly? Later(DateOnly? one, DateOnly? other) => one is { } a && other is { } b ? (a > b ? a : b) : one ?? other;

    /// <summary>The engine no longer finds the condition: an active challenge closes as "condition cleared".</summary>
    public ChallengeEventKind? NotFound(DateOnly on)
    {
        if (IsManual || !ConditionHolds)
        {
            return null;
        }

        ConditionHolds = false;
        if (!Status.IsActive())
        {
            return null;
        }

        Close(ConditionClearedReason, on);
        return Record(ChallengeEventKind.ConditionCleared, on, $"Closed: {ConditionClearedReason}.");
    }

    /// <summary>The site answers with what it has done and the evidence that shows it.</summary>
    public void Respond(string answer, IReadOnlyList<SubjectRef> evidence, DateOnly on)
    {
        RequireActive("answered");
        var text = Required(answer, "the answer");
        Status = Status == ChallengeStatus.Escalated ? ChallengeStatus.Escalated : ChallengeStatus.Responded;
        Record(ChallengeEventKind.Responded, on, text, evidence);
    }

    /// <summary>The NI accepts the site's answer: the challenge is closed.</summary>
    public void Accept(string? note, DateOnly on)
    {
        if (Status != ChallengeStatus.Responded)
        {
            throw new DomainException("Only a challenge the site has answered can be accepted.");
        }

        Status = ChallengeStatus.Accepted;
        ClosedOn = on;
        ClosedReason = "accepted";
        Record(ChallengeEventKind.Accepted, on, Optional(note) ?? "Accepted the site's answer.");
    }

    /// <summary>The NI escalates: the challenge stays open and is flagged for the board pack.</summary>
    public void Escalate(string reason, DateOnly on)
    {
        if (Status is not (ChallengeStatus.Open or ChallengeStatus.Responded))
        {
            throw new DomainException("Only an open or answered challenge can be escalated.");
        }

        Status = ChallengeStatus.Escalated;
        EscalatedOn = on;
        EscalationReason = Required(reason, "the reason for escalating");
        Record(ChallengeEventKind.Escalated, on, EscalationReason);
    }

    /// <summary>The NI closes an escalated challenge once the board has dealt with it.</summary>
    public void CloseEscalated(string note, DateOnly on)
    {
        if (Status != ChallengeStatus.Escalated)
        {
            throw new DomainException("Only an escalated challenge is closed this way; accept an answered one instead.");
        }

        Close(Required(note, "how it was resolved"), on);
        Record(ChallengeEventKind.Closed, on, ClosedReason!);
    }

    private void Close(string reason, DateOnly on)
    {
        Status = ChallengeStatus.Closed;
        ClosedOn = on;
        ClosedReason = reason;
    }

    private void RequireActive(string verb)
    {
        if (!Status.IsActive())
        {
            throw new DomainException($"This challenge is {Status.ToString().ToLowerInvariant()}; a closed challenge cannot be {verb}.");
        }
    }

    /// <summary>
    /// Catalogue v2 raises one challenge per site and code for a volume rule, where v1 raised one per record.
    /// Folds a site's v1 challenges of one such code into one: the site's challenge if there is one already,
    /// else the longest-standing active one. The others' histories move into it, so every answer stays with
    /// it; it stands as open as the most open of them. Returns the challenges folded in, now without
    /// history, for the caller to re-point and delete; none when none of them is active.
    /// </summary>
    public static IReadOnlyList<Challenge> RollUp(IReadOnlyList<Challenge> challenges, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        var active = challenges.Where(c => c.Status.IsActive()).OrderBy(c => c.OpenSince).ThenBy(c => c.RaisedOn).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (active.Count == 0 || !RolledUpFindings.RollsUp(active[0].Code))
        {
            return [];
        }

        var kept = challenges.FirstOrDefault(c => c.Key == RolledUpFindings.SiteKey) ?? active[0];
        var folded = challenges.Where(c => c != kept && c.Status.IsActive()).ToList();
        var escalated = active.FirstOrDefault(c => c.Status == ChallengeStatus.Escalated);
        kept.Key = RolledUpFindings.SiteKey;
        kept.Status = escalated is not null ? ChallengeStatus.Escalated
            : active.Any(c => c.Status == ChallengeStatus.Open) ? ChallengeStatus.Open
            : ChallengeStatus.Responded;
        (kept.EscalatedOn, kept.EscalationReason) = (escalated?.EscalatedOn, escalated?.EscalationReason);
        (kept.ClosedOn, kept.ClosedReason, kept.ConditionHolds) = (null, null, true);
        kept.RaisedOn = active.Min(c => c.RaisedOn);
        kept.OpenedOn = active.Min(c => c.OpenedOn);
        kept.OpenSince = active.Min(c => c.OpenSince);
        kept.Severity = active.Min(c => c.Severity);
        foreach (var other in folded)
        {
            foreach (var step in other._history)
            {
                step.MoveTo(kept.Id);
                kept._history.Add(step);
            }

            other._history.Clear();
        }

        kept.Describe(active.SelectMany(c => c.SubjectRefs).Distinct(), kept.Finding, kept.Resolution, on);
        var refs = RuleContext.Listed([.. folded.SelectMany(c => c.SubjectRefs).Select(r => r.Ref).Distinct()]);
        kept.Record(
            ChallengeEventKind.Changed,
            on,
            folded.Count == 0
                ? "This rule now raises one challenge per site, listing every record it applies to."
                : $"This rule now raises one challenge per site, listing every record it applies to: the challenges on {refs} joined this one, with their answers and history.");
        return folded;
    }

    /// <summary>Writes the subject rows of a challenge raised before they were kept as rows; false when it has them already.</summary>
    public bool KeepSubjectsAsRows()
    {
        if (_records.Count > 0 || Subjects.Length == 0)
        {
            return false;
        }

        KeepRows(SubjectRefs);
        return true;
    }

    private void KeepRows(IEnumerable<SubjectRef> subjects, DateOnly? joinedOn = null) =>
        _records.AddRange(subjects.Select((subject, i) => new ChallengeSubject(Id, SiteId, i, subject, joinedOn)));

    /// <summary>Rewrites the finding; a record that stays keeps its row, and so the day it joined.</summary>
    private void Describe(IEnumerable<SubjectRef> subjects, string finding, string resolution, DateOnly on)
    {
        var written = SubjectRef.Join(subjects);
        if (written != Subjects || (_records.Count == 0 && written.Length > 0))
        {
            var wanted = SubjectRef.Split(written).ToList();
            _records.RemoveAll(r => !wanted.Contains(r.Subject));
            var kept = _records.Select(r => r.Subject).ToHashSet();
            KeepRows(wanted.Where(s => !kept.Contains(s)), on);
            foreach (var row in _records)
            {
                row.MoveTo(wanted.IndexOf(row.Subject));
            }
        }

        Subjects = written;
        Finding = finding;
        Resolution = resolution;
    }

    private ChallengeEventKind Record(ChallengeEventKind kind, DateOnly on, string text, IReadOnlyList<SubjectRef>? evidence = null)
    {
        UpdatedOn = on;
        _history.Add(new ChallengeEvent(Id, kind, on, text, evidence ?? []));
        return kind;
    }

    private static string Required(string text, string what)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException($"Write {what}.");
        }

        return trimmed.Length <= MaxTextLength ? trimmed : throw new DomainException($"Keep {what} to {MaxTextLength} characters.");
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Required(text, "the note");
}

/// <summary>One step in a challenge's history: who (from the entity's stamps), when, what, and any evidence cited.</summary>
public sealed class ChallengeEvent : Entity
{
    private ChallengeEvent()
    {
    }

    internal ChallengeEvent(Guid challengeId, ChallengeEventKind kind, DateOnly on, string text, IReadOnlyList<SubjectRef> evidence)
    {
        ChallengeId = challengeId;
        Kind = kind;
        On = on;
        Text = text;
        Evidence = SubjectRef.Join(evidence);
    }

    public Guid ChallengeId { get; private set; }

    public ChallengeEventKind Kind { get; private set; }

    internal void MoveTo(Guid challengeId) => ChallengeId = challengeId;

    public DateOnly On { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The records an answer cites, one <see cref="SubjectRef"/> per line.</summary>
    public string Evidence { get; private set; } = "";

    public IReadOnlyList<SubjectRef> EvidenceRefs => SubjectRef.Split(Evidence);
}

public enum ChallengeEventKind
{
    Raised,
    Changed,
    Responded,
    Accepted,
    Escalated,
    Closed,
    ConditionCleared,
    Reopened,
}

/// <summary>One record a challenge is about: its kind and the site's own reference for it, in the order the finding names them.</summary>
public sealed class ChallengeSubject : Entity
{
    private ChallengeSubject()
    {
    }

    internal ChallengeSubject(Guid challengeId, Guid siteId, int position, SubjectRef subject, DateOnly? joinedOn)
    {
        ChallengeId = challengeId;
        SiteId = siteId;
        Position = position;
        Kind = subject.Kind;
        Ref = subject.Ref;
        JoinedOn = joinedOn;
    }

    public Guid ChallengeId { get; private set; }

    /// <summary>The challenge's site, kept on the row so that a record's challenges are found through one index.</summary>
    public Guid SiteId { get; private set; }

    public int Position { get; private set; }

    public RecordKind Kind { get; private set; }

    public string Ref { get; private set; } = "";

    /// <summary>The day the record joined the challenge; unknown for the rows written when subjects first became rows.</summary>
    public DateOnly? JoinedOn { get; private set; }

    public SubjectRef Subject => new(Kind, Ref);

    internal void MoveTo(int position) => Position = position;
}
