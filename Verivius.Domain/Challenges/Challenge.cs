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

    private Challenge(Guid siteId, string code, string key, ChallengeSeverity severity, DateOnly on)
    {
        SiteId = siteId;
        Code = code;
        Key = key;
        Severity = severity;
        Status = ChallengeStatus.Open;
        RaisedOn = on;
        OpenedOn = on;
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
        var challenge = new Challenge(siteId, finding.Code, finding.Key, finding.Severity, on);
        challenge.Describe(finding.Subjects, finding.Finding, finding.Resolution);
        challenge.Record(ChallengeEventKind.Raised, on, finding.Finding);
        return challenge;
    }

    /// <summary>A challenge a nominated individual raises by hand on one record.</summary>
    public static Challenge RaiseManual(Guid siteId, SubjectRef subject, ChallengeSeverity severity, string finding, string resolution, DateOnly on)
    {
        var challenge = new Challenge(siteId, ChallengeCodes.Manual, Guid.NewGuid().ToString("N"), severity, on);
        challenge.Describe([subject], Required(finding, "the finding"), Required(resolution, "what would resolve it"));
        challenge.Record(ChallengeEventKind.Raised, on, challenge.Finding);
        return challenge;
    }

    /// <summary>
    /// The engine found the condition again. An active challenge takes the new wording if it changed; a
    /// closed one whose condition had cleared since is reopened; one closed by the NI while the
    /// condition held stays closed. Returns what changed, if anything.
    /// </summary>
    public ChallengeEventKind? Found(ChallengeFinding finding, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var returned = !ConditionHolds && !Status.IsActive();
        ConditionHolds = true;
        if (returned)
        {
            Status = ChallengeStatus.Open;
            OpenedOn = on;
            ClosedOn = null;
            ClosedReason = null;
            EscalatedOn = null;
            EscalationReason = null;
            Severity = finding.Severity;
            Describe(finding.Subjects, finding.Finding, finding.Resolution);
            return Record(ChallengeEventKind.Reopened, on, finding.Finding);
        }

        var subjects = SubjectRef.Join(finding.Subjects);
        if (!Status.IsActive() || (Finding == finding.Finding && Severity == finding.Severity && Subjects == subjects))
        {
            return null;
        }

        Severity = finding.Severity;
        Describe(finding.Subjects, finding.Finding, finding.Resolution);
        return Record(ChallengeEventKind.Changed, on, finding.Finding);
    }

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
        Status = Status == ChallengeStatus.Escalated ? ChallengeStatus.Escalated : ChallengeStatus.Responded;
        Record(ChallengeEventKind.Responded, on, Required(answer, "the answer"), evidence);
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

    private void KeepRows(IEnumerable<SubjectRef> subjects) =>
        _records.AddRange(subjects.Select((subject, i) => new ChallengeSubject(Id, SiteId, i, subject)));

    private void Describe(IEnumerable<SubjectRef> subjects, string finding, string resolution)
    {
        var written = SubjectRef.Join(subjects);
        if (written != Subjects || (_records.Count == 0 && written.Length > 0))
        {
            _records.Clear();
            KeepRows(SubjectRef.Split(written));
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

    internal ChallengeSubject(Guid challengeId, Guid siteId, int position, SubjectRef subject)
    {
        ChallengeId = challengeId;
        SiteId = siteId;
        Position = position;
        Kind = subject.Kind;
        Ref = subject.Ref;
    }

    public Guid ChallengeId { get; private set; }

    /// <summary>The challenge's site, kept on the row so that a record's challenges are found through one index.</summary>
    public Guid SiteId { get; private set; }

    public int Position { get; private set; }

    public RecordKind Kind { get; private set; }

    public string Ref { get; private set; } = "";
}
