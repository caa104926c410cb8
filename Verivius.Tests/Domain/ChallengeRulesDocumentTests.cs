using System.Text;
using Verivius.Domain.Challenges;
using Verivius.Tests.Architecture;

namespace Verivius.Tests.Domain;

/// <summary>
/// docs/challenge-rules.md is what an operator or a care-system vendor reads about the codes; its tables
/// are the catalogue's own, so the document cannot drift from the rules the portal runs.
/// </summary>
public class ChallengeRulesDocumentTests
{
    [Fact]
    public void EachSectionsTable_InTheRulesDocument_IsTheCataloguesOwn()
    {
        var document = File.ReadAllText(Path.Combine(LayerReferenceTests.RepositoryRoot(), "docs", "challenge-rules.md")).ReplaceLineEndings("\n");

        var missing = ChallengeCatalogue.Rules.GroupBy(r => r.Section).Select(Table).Where(table => !document.Contains(table, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/challenge-rules.md lacks these tables as the catalogue has them:\n\n" + string.Join("\n", missing));
    }

    private static string Table(IGrouping<string, ChallengeRule> section)
    {
        var table = new StringBuilder($"| {section.Key} | what it looks for | raised | thresholds (default) |\n|---|---|---|---|\n");
        foreach (var rule in section)
        {
            var thresholds = ChallengeThresholds.Settings.Where(s => s.Codes.Contains(rule.Code)).Select(s => $"{s.Label} ({s.Default} {s.Unit})").ToList();
            table.Append($"| `{rule.Code}` {rule.Title} | {rule.Explanation} | {(RolledUpFindings.RollsUp(rule.Code) ? "one per site" : "one per occurrence")} | {(thresholds.Count == 0 ? "—" : string.Join("; ", thresholds))} |\n");
        }

        return table.ToString();
    }
}
