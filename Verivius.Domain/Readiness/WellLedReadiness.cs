using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Readiness;

/// <summary>A quality statement and the record kinds that evidence it for this provider.</summary>
public sealed record StatementEvidence(string Code, string Title, IReadOnlySet<RecordKind> RecordKinds);

/// <summary>One evidence category of one statement: how many records of the last twelve months, and the newest.</summary>
public sealed record CategoryCoverage(EvidenceCategory Category, int Count, DateOnly? Newest);

/// <summary>
/// One statement's row: its coverage by category, the level that coverage can carry at most, the
/// leaders' own rating, and whether that rating runs two or more levels ahead of the evidence.
/// </summary>
public sealed record StatementReadiness(StatementEvidence Statement, IReadOnlyList<CategoryCoverage> Cells, QualityRating EvidenceLevel, QualityRating? SelfAssessed)
{
    public int CategoriesCovered => Cells.Count(c => c.Count > 0);

    public bool RunsAhead => SelfAssessed is { } claimed && WellLedEvidence.LevelsAhead(claimed, EvidenceLevel) >= 2;
}

/// <summary>
/// How a site's own records of the last twelve months cover each Well-led quality statement across
/// CQC's six evidence categories. Coverage, never a predicted rating: CQC scores each statement on
/// its own judgement of the evidence.
/// </summary>
public static class WellLedReadiness
{
    public static IReadOnlyList<StatementReadiness> Of(SiteEvidence site, DateOnly asOf, IReadOnlyList<StatementEvidence> statements)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(statements);
        var context = new RuleContext(site, ChallengeThresholds.Defaults, asOf, WorkingDays.EnglandAndWales);
        var yearAgo = asOf.AddMonths(-12);
        return [.. statements.Select(statement =>
        {
            var evidence = context.EvidenceOfKinds(statement.RecordKinds).Where(e => e.EvidenceDate <= asOf && e.EvidenceDate > yearAgo).ToList();
            var cells = Enum.GetValues<EvidenceCategory>()
                .Select(category =>
                {
                    var here = evidence.Where(e => e.Category == category).ToList();
                    return new CategoryCoverage(category, here.Count, here.Count == 0 ? null : here.Max(e => e.EvidenceDate));
                })
                .ToList();
            var claimed = site.SelfAssessments.FirstOrDefault(s =>
                string.Equals(s.Details.QualityStatement.Trim(), statement.Title, StringComparison.OrdinalIgnoreCase)
                || string.Equals(s.Details.QualityStatement.Trim(), statement.Code, StringComparison.OrdinalIgnoreCase))?.Details.Rating;
            return new StatementReadiness(statement, cells, WellLedEvidence.LevelOf(cells.Count(c => c.Count > 0)), claimed);
        })];
    }
}
