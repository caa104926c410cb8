using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The actions past their due date and not closed by the pack's day, longest overdue first.</summary>
internal sealed class OverdueActions : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var asOf = pack.AsOf;
        var overdue = await pack.Db.Actions
            .Where(a => pack.SiteIds.Contains(a.SiteId) && a.Details.DueOn < asOf && (a.Details.Status != ActionStatus.Closed || a.Details.ClosedOn > asOf))
            .OrderBy(a => a.Details.DueOn)
            .Select(a => new { a.SiteId, a.Ref, a.Details.Title, a.Details.Owner, a.Details.DueOn })
            .Take(PackTables.ListedRows + 1)
            .ToListAsync(cancellationToken);
        return
        [
            new HeadingBlock(1, "Overdue actions"),
            .. PackTables.Capped(
                new TableBlock(
                    [new("Site", 2), new("Action", 4), new("Owner", 2), new("Due")],
                    [.. overdue.Take(PackTables.ListedRows).Select(a =>
                    {
                        pack.Cite(a.SiteId, RecordKind.Actions, a.Ref);
                        return (IReadOnlyList<TableCellText>)[pack.SiteOf[a.SiteId].Name, $"{a.Title} ({a.Ref})", a.Owner ?? "—", a.DueOn is { } due ? Date(due) : "—"];
                    })],
                    $"No action was overdue at {Date(asOf)}."),
                overdue.Count,
                pack.Figures.Sum(s => s.Overdue)),
        ];
    }
}
