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

        // The two parts of the figures' overdue count (SiteFigures), each read from an index of its own: the actions still
        // open, and the few closed after the day. Asked as one condition joined by "or", the database read every action the
        // sites ever had, so the appendix grew with the years kept.
        var dueBefore = pack.Db.Actions.Where(a => pack.Sites.Select(s => s.Id).Contains(a.SiteId) && a.Details.DueOn < asOf);
        var overdue = await dueBefore.Where(a => a.Details.Status == ActionStatus.Open || a.Details.Status == ActionStatus.InProgress)
            .Select(a => new { a.SiteId, a.Ref, a.Details.Title, a.Details.Owner, a.Details.DueOn })
            .Concat(dueBefore.Where(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn > asOf)
                .Select(a => new { a.SiteId, a.Ref, a.Details.Title, a.Details.Owner, a.Details.DueOn }))
            .OrderBy(a => a.DueOn).ThenBy(a => a.SiteId).ThenBy(a => a.Ref)
            .Take(PackTables.ListedRows + 1)
            .ToListAsync(cancellationToken);

        // Actions due on the same day are listed by site name, as a reader looks for a home; the cut above is by the site's key.
        overdue = [.. overdue.OrderBy(a => a.DueOn).ThenBy(a => pack.SiteOf[a.SiteId].Name, StringComparer.Ordinal).ThenBy(a => a.Ref, StringComparer.Ordinal)];
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
