using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The tables and lists several sections of a pack share, each cut at a length a board can read.</summary>
internal static class PackTables
{
    /// <summary>Long lists stop here and say how many more there are; the registers hold the rest.</summary>
    public const int ListedRows = 200;

    /// <summary>Standing challenges, most severe and oldest first, citing the records each is about.</summary>
    public static IEnumerable<DocumentBlock> Challenges(GovernancePackEvidence pack, List<PackChallenge> rows, string empty, bool withReason) =>
        Capped(
            new TableBlock(
                withReason
                    ? [new("Site", 2), new("Challenge", 2), new("Finding", 5), new("Escalated because", 3)]
                    : [new("Site", 2), new("Challenge", 2), new("Finding", 6), new("Raised")],
                [.. rows.OrderBy(c => c.Severity).ThenBy(c => c.RaisedOn).Take(ListedRows).Select(c =>
                {
                    pack.Cite(c);
                    TableCellText code = new($"{c.Code} ({c.Severity.ToString().ToLowerInvariant()})", c.Severity == ChallengeSeverity.High ? RagRating.Red : RagRating.Amber);
                    return (IReadOnlyList<TableCellText>)(withReason
                        ? [pack.SiteOf[c.SiteId].Name, code, c.Finding, c.EscalationReason ?? "—"]
                        : [pack.SiteOf[c.SiteId].Name, code, c.Finding, Date(c.RaisedOn)]);
                })],
                empty),
            rows.Count,
            rows.Count);

    /// <summary>The standing challenges whose code starts with a rule family's prefix, such as "INC-".</summary>
    public static IEnumerable<DocumentBlock> ChallengesOfFamily(GovernancePackEvidence pack, string prefix, string empty) =>
        Challenges(pack, [.. pack.Challenges.Where(c => c.Code.StartsWith(prefix, StringComparison.Ordinal))], empty, withReason: false);

    /// <summary>A table of the first rows, and a line saying how many more there are when it was cut.</summary>
    public static IEnumerable<DocumentBlock> Capped(TableBlock table, int fetched, int? total)
    {
        yield return table;
        if (fetched > ListedRows)
        {
            var more = total is { } all ? $"{all - ListedRows:N0} more" : "More";
            yield return new ParagraphBlock($"{more} are not listed here; the registers in Verivius hold them all.");
        }
    }

    public static BulletsBlock Bullets<T>(IReadOnlyList<T> items, Func<T, string> line, string empty)
    {
        if (items.Count == 0)
        {
            return new BulletsBlock([empty]);
        }

        var shown = items.Take(25).Select(line).ToList();
        if (items.Count > shown.Count)
        {
            shown.Add($"and {items.Count - shown.Count:N0} more (see the recovery map).");
        }

        return new BulletsBlock(shown);
    }

    public static TableCellText TrendCell(RiskTrend trend) => new(Trend(trend), trend switch
    {
        RiskTrend.Worsening => RagRating.Red,
        RiskTrend.NoChange => RagRating.Amber,
        _ => RagRating.Green,
    });
}
