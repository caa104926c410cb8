using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>Each inspection finding with the action that answers it and where that action stands.</summary>
internal sealed class InspectionResponse : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var asOf = pack.AsOf;
        var db = pack.Db;

        // A left join on the action's key: a subquery taking the first action per finding is written by
        // EF as a window over every action of every site, which took a second at 500 sites.
        var findings = await (from f in db.InspectionFindings.Where(f => pack.SiteIds.Contains(f.SiteId))
                              join a in db.Actions on f.ActionId equals a.Id into answering
                              from a in answering.DefaultIfEmpty()
                              orderby f.Details.Kind, f.Details.InspectedOn
                              select new
                              {
                                  f.SiteId,
                                  f.Ref,
                                  f.Details.Kind,
                                  f.Details.Regulation,
                                  f.Details.Finding,
                                  Action = a == null ? null : new { a.Ref, a.Details.Status, a.Details.DueOn, a.Details.ClosedOn },
                              })
            .Take(PackTables.ListedRows + 1)
            .ToListAsync(cancellationToken);
        return
        [
            new HeadingBlock(1, "Response to inspection findings"),
            .. PackTables.Capped(
                new TableBlock(
                    [new("Site", 2), new("Finding", 5), new("Kind"), new("Action"), new("Status")],
                    [.. findings.Take(PackTables.ListedRows).Select(f =>
                    {
                        pack.Cite(f.SiteId, RecordKind.Inspection, f.Ref);
                        if (f.Action is { } action)
                        {
                            pack.Cite(f.SiteId, RecordKind.Actions, action.Ref);
                        }

                        var status = f.Action switch
                        {
                            null => new TableCellText("No action", RagRating.Red),
                            { Status: ActionStatus.Closed, ClosedOn: { } closed } when closed <= asOf => new TableCellText($"Closed {Date(closed)}", RagRating.Green),
                            { DueOn: { } due } when due < asOf => new TableCellText($"Overdue since {Date(due)}", RagRating.Red),
                            { DueOn: { } due } => new TableCellText($"Due {Date(due)}", RagRating.Amber),
                            _ => new TableCellText("Open, no due date", RagRating.Amber),
                        };
                        return (IReadOnlyList<TableCellText>)[pack.SiteOf[f.SiteId].Name, $"{f.Finding} ({f.Ref}{(f.Regulation is { } reg ? $", {reg}" : "")})", f.Kind == FindingKind.MustDo ? "Must do" : "Should do", f.Action?.Ref ?? "—", status];
                    })],
                    "No inspection findings are recorded."),
                findings.Count,
                null),
        ];
    }
}
