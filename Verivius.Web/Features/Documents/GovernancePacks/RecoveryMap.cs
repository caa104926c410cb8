using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The joined recovery map: every open risk by area, worst trend first, with its action, owner, review and challenges.</summary>
internal sealed class RecoveryMap : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack)
    {
        yield return new HeadingBlock(1, "Recovery map");
        if (pack.OpenRisks.Count == 0)
        {
            yield return new ParagraphBlock("No recovery risk is open.");
        }

        foreach (var area in pack.OpenRisks.GroupBy(r => r.Area).OrderBy(g => g.Key))
        {
            var atSites = area.Select(r => r.SiteId).Distinct().Count();
            yield return new HeadingBlock(2, $"{area.Key}{(pack.IsBoard && atSites > 1 ? $": open at {atSites} sites" : "")}");
            yield return new TableBlock(
                [new("Site", 2), new("Risk", 4), new("Current action"), new("Owner", 2), new("Review"), new("Trend"), new("Challenges")],
                [.. area.OrderBy(r => r.Trend).ThenBy(r => pack.SiteOf[r.SiteId].Name).Select(r =>
                {
                    pack.Cite(r.SiteId, RecordKind.Recovery, r.Ref);
                    if (r.CurrentActionRef is { } action)
                    {
                        pack.Cite(r.SiteId, RecordKind.Actions, action);
                    }

                    return (IReadOnlyList<TableCellText>)[pack.SiteOf[r.SiteId].Name, $"{r.Text} ({r.Ref})", r.CurrentActionRef ?? "none", r.Owner ?? "—", r.ReviewOn is { } on ? Date(on) : "not set", PackTables.TrendCell(r.Trend), Number(pack.OnRisk[(r.SiteId, r.Ref)].Count())];
                })],
                "No open risk.");
        }
    }
}
