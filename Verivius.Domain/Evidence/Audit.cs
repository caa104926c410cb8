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

    /// <summary>Replaces the audit's details and themes: a pack re-sends every theme of an audit it names. The same audit sent again changes nothing.</summary>
    public void Record(AuditDetails details, IEnumerable<AuditThemeDetails> themes)
    {
        var sent = themes.ToList();
        if (Details == details && _themes.Select(t => t.Details).ToHashSet().SetEquals(sent))
        {
            return;
        }

        Details = details;
        _themes.Clear();
        _themes.AddRange(sent.Select(theme => new AuditTheme(Id, theme)));
    }
}

public sealed record AuditDetails(string AuditRef, string AuditType, DateOnly HeldOn, double ScorePercent);

/// <summary>One row of the Audits sheet: the audit it belongs to, repeated on each of its rows, and the theme it reports.</summary>
public sealed record AuditRow(AuditDetails Audit, AuditThemeDetails Theme)
{
    public static AuditRow Read(IRowCells r) => new(
        new AuditDetails(r.RequiredText("AuditRef"), r.RequiredText("AuditType"), r.RequiredDate("HeldOn"), r.Number("ScorePercent", required: true, max: 100) ?? 0),
        new AuditThemeDetails(r.RequiredText("Theme"), r.RequiredChoice<ThemeResult>("ThemeResult"), r.Choice<AssuranceArea>("Area")));
}
