using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Readiness;

public enum FrameworkItemKind
{
    QualityStatement,
    EvidenceCategory,
    LineOfEnquiry,
}

/// <summary>
/// One version of CQC's assessment framework for the Well-led key question, held as data: a change
/// by CQC is a new version loaded from its file, which becomes the current one. Earlier versions
/// are kept, so what a page showed on a day can be explained.
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
        var statements = _items.Where(i => i.Kind == FrameworkItemKind.QualityStatement).ToList();
        if (statements.Count == 0)
        {
            throw new DomainException("A framework needs at least one quality statement.");
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

    public bool IsCurrent { get; private set; }

    public IReadOnlyList<FrameworkItem> Items => _items;

    public IEnumerable<FrameworkItem> Statements => _items.Where(i => i.Kind == FrameworkItemKind.QualityStatement).OrderBy(i => i.Position);

    public void MakeCurrent() => IsCurrent = true;

    public void Supersede() => IsCurrent = false;
}

/// <summary>A quality statement (with the record kinds that evidence it by default), an evidence category or an older line of enquiry.</summary>
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

    public Guid FrameworkId { get; private set; }

    public FrameworkItemKind Kind { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public int Position { get; private set; }

    /// <summary>For a quality statement, the record kinds that evidence it unless a provider says otherwise.</summary>
    public string RecordKinds { get; private set; } = "";
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
