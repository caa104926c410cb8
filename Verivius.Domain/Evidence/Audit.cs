namespace Verivius.Domain.Evidence;

/// <summary>An audit with its headline score and the result of each theme it looked at.</summary>
public sealed class Audit : SiteRecord, IEvidence
{
    private readonly List<AuditTheme> _themes = [];

    private Audit()
    {
    }

    public Audit(Guid siteId, AuditDetails details)
        : base(siteId, details.AuditRef) => Details = details;

    public AuditDetails Details { get; private set; } = null!;

    public IReadOnlyList<AuditTheme> Themes => _themes;

    public override RecordKind Kind => RecordKind.Audits;

    /// <summary>An audit done by watching care is observation; every other audit is a process check.</summary>
    public EvidenceCategory Category => Details.AuditType.Contains("Observation", StringComparison.OrdinalIgnoreCase)
        ? EvidenceCategory.Observation
        : EvidenceCategory.Processes;

    public DateOnly EvidenceDate => Details.HeldOn;

    /// <summary>Replaces the audit's details and themes: a pack re-sends every theme of an audit it names.</summary>
    public void Record(AuditDetails details, IEnumerable<AuditThemeDetails> themes)
    {
        Details = details;
        _themes.Clear();
        _themes.AddRange(themes.Select(theme => new AuditTheme(Id, theme)));
    }
}

public sealed record AuditDetails(string AuditRef, string AuditType, DateOnly HeldOn, double ScorePercent);
