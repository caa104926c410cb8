using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Frameworks;

public enum FrameworkItemKind
{
    QualityStatement,
    EvidenceCategory,
    LineOfEnquiry,
}

/// <summary>
/// Where a version stands: a draft (CQC's consultation text, say) can be chosen by a provider that is
/// preparing for it; the current one is what every other provider reads; a retired one is kept so that
/// what a page showed on a day can still be explained.
/// </summary>
public enum FrameworkStatus
{
    Draft,
    Current,
    Retired,
}

/// <summary>
/// One version of CQC's assessment framework, held as data: key questions, and beneath them the items
/// CQC judges (quality statements in December 2024, key lines of enquiry in the 2026 draft), each with
/// the record kinds that evidence it by default and, where the version has them, scope topics and rating
/// characteristics. A change by CQC is a new version loaded from its file; earlier versions are kept.
/// </summary>
public sealed class AssessmentFramework : Entity
{
    private readonly List<FrameworkItem> _items = [];

    private AssessmentFramework()
    {
    }

    public AssessmentFramework(string version, string name, string keyQuestion, string? note, IEnumerable<FrameworkItem> items)
    {
        if (string.IsNullOrWhiteSpace(version) || version.Length > 40)
        {
            throw new DomainException("A framework needs a version of at most 40 characters.");
        }

        Version = version.Trim();
        Name = name.Trim();
        KeyQuestion = keyQuestion.Trim();
        Note = note?.Trim();
        _items.AddRange(items);
        if (!_items.Any(i => i.Kind is FrameworkItemKind.QualityStatement or FrameworkItemKind.LineOfEnquiry))
        {
            throw new DomainException("A framework needs at least one quality statement or key line of enquiry.");
        }

        if (_items.GroupBy(i => (i.Kind, i.Code)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"{twice.Key.Code} appears twice among the framework's {twice.Key.Kind} entries.");
        }
    }

    public string Version { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string KeyQuestion { get; private set; } = "";

    public string? Note { get; private set; }

    public FrameworkStatus Status { get; private set; } = FrameworkStatus.Draft;

    public IReadOnlyList<FrameworkItem> Items => _items;

    /// <summary>
    /// What CQC judges under this version: its quality statements where it has them, else its key lines
    /// of enquiry (a version with statements keeps older lines of enquiry for reference only).
    /// </summary>
    public FrameworkItemKind Judges => _items.Any(i => i.Kind == FrameworkItemKind.QualityStatement) ? FrameworkItemKind.QualityStatement : FrameworkItemKind.LineOfEnquiry;

    /// <summary>The items CQC judges, in the framework's order: the rows of the readiness page and of the evidence mapping.</summary>
    public IEnumerable<FrameworkItem> Judged => _items.Where(i => i.Kind == Judges).OrderBy(i => i.Position);

    /// <summary>The key questions the judged items sit under, in order; one ("Well-led") for a version that covers only that.</summary>
    public IReadOnlyList<string> KeyQuestions => [.. Judged.Select(i => i.KeyQuestion ?? KeyQuestion).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The judged item a self-assessment names, by code or by title.</summary>
    public FrameworkItem? JudgedItemNamed(string name) => Judged.FirstOrDefault(i =>
        string.Equals(i.Code, name.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(i.Title, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The key question a self-assessment names, if it names one of this version's.</summary>
    public string? KeyQuestionNamed(string name) => KeyQuestions.FirstOrDefault(q => string.Equals(q, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool IsCurrent => Status == FrameworkStatus.Current;

    public void MakeCurrent() => Status = FrameworkStatus.Current;

    public void Retire() => Status = FrameworkStatus.Retired;
}

/// <summary>What CQC says a rating looks like for one item, level by level; CQC's own words or a summary in ours.</summary>
public sealed record RatingCharacteristics(string? Outstanding, string? Good, string? RequiresImprovement, string? Inadequate)
{
    public static readonly RatingCharacteristics None = new(null, null, null, null);

    public bool Any => Outstanding is not null || Good is not null || RequiresImprovement is not null || Inadequate is not null;
}

/// <summary>
/// A quality statement or key line of enquiry (with the record kinds and challenge codes that bear on it
/// by default), an evidence category, or an older line of enquiry kept for reference.
/// </summary>
public sealed class FrameworkItem : Entity
{
    private FrameworkItem()
    {
    }

    public FrameworkItem(FrameworkItemKind kind, string code, string title, string? description, int position, IEnumerable<RecordKind>? recordKinds = null)
    {
        Kind = kind;
        Code = code.Trim();
        Title = title.Trim();
        Description = description?.Trim();
        Position = position;
        RecordKinds = RecordKindList.Write(recordKinds ?? []);
    }

    /// <summary>A key line of enquiry under its key question, with what it covers, how each rating reads, and the challenge codes that bear on it.</summary>
    public FrameworkItem(string keyQuestion, string code, string title, int position, IEnumerable<string> scopeTopics, RatingCharacteristics characteristics, IEnumerable<RecordKind> recordKinds, IEnumerable<string> challengeCodes)
        : this(FrameworkItemKind.LineOfEnquiry, code, title, null, position, recordKinds)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        KeyQuestion = keyQuestion.Trim();
        ScopeTopics = string.Join("\n", scopeTopics.Select(t => t.Trim()).Where(t => t.Length > 0));
        Outstanding = characteristics.Outstanding?.Trim();
        Good = characteristics.Good?.Trim();
        RequiresImprovement = characteristics.RequiresImprovement?.Trim();
        Inadequate = characteristics.Inadequate?.Trim();
        ChallengeCodes = string.Join(",", challengeCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal));
    }

    public Guid FrameworkId { get; private set; }

    public FrameworkItemKind Kind { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public int Position { get; private set; }

    /// <summary>For a quality statement or key line of enquiry, the record kinds that evidence it unless a provider says otherwise.</summary>
    public string RecordKinds { get; private set; } = "";

    /// <summary>The key question the item sits under, where the version spans more than one.</summary>
    public string? KeyQuestion { get; private set; }

    /// <summary>What the item covers, one topic per line.</summary>
    public string ScopeTopics { get; private set; } = "";

    public string? Outstanding { get; private set; }

    public string? Good { get; private set; }

    public string? RequiresImprovement { get; private set; }

    public string? Inadequate { get; private set; }

    /// <summary>The challenge codes whose open findings bear on the item, comma-separated.</summary>
    public string ChallengeCodes { get; private set; } = "";

    public IReadOnlyList<string> Topics => ScopeTopics.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public RatingCharacteristics Characteristics => new(Outstanding, Good, RequiresImprovement, Inadequate);

    public IReadOnlySet<string> BearingCodes => ChallengeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// Where one item of an earlier version went in a later one: to the item that now carries it (several
/// may go to one), or nowhere, when the later version left it out (2024's environmental sustainability).
/// </summary>
public sealed class FrameworkCrosswalkLink : Entity
{
    private FrameworkCrosswalkLink()
    {
    }

    public FrameworkCrosswalkLink(string fromVersion, string fromCode, string toVersion, string? toCode, string? note)
    {
        FromVersion = fromVersion.Trim();
        FromCode = fromCode.Trim();
        ToVersion = toVersion.Trim();
        ToCode = string.IsNullOrWhiteSpace(toCode) ? null : toCode.Trim();
        Note = note?.Trim();
    }

    public string FromVersion { get; private set; } = "";

    public string FromCode { get; private set; } = "";

    public string ToVersion { get; private set; } = "";

    /// <summary>The later item; none when the later version has no counterpart.</summary>
    public string? ToCode { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>
/// A provider's own choice of the record kinds that evidence one quality statement, replacing the
/// framework's default for that statement.
/// </summary>
public sealed class ReadinessMapping : Entity
{
    private ReadinessMapping()
    {
    }

    public ReadinessMapping(Guid providerId, string statementCode, IEnumerable<RecordKind> kinds)
    {
        ProviderId = providerId;
        StatementCode = statementCode;
        Change(kinds);
    }

    public Guid ProviderId { get; private set; }

    public string StatementCode { get; private set; } = "";

    public string RecordKinds { get; private set; } = "";

    public void Change(IEnumerable<RecordKind> kinds) => RecordKinds = RecordKindList.Write(kinds);
}

/// <summary>Record kinds kept as one comma-separated column, by name.</summary>
public static class RecordKindList
{
    public static string Write(IEnumerable<RecordKind> kinds) => string.Join(",", kinds.Distinct().Order());

    public static IReadOnlySet<RecordKind> Read(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<RecordKind>(k, out var kind) ? kind : (RecordKind?)null)
            .OfType<RecordKind>()
            .ToHashSet();
}
