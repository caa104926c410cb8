using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using Verivius.Web.SiteRecords;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The actions past their due date and not closed by the pack's day, longest overdue first.</summary>
internal sealed class OverdueActions : IDocumentSection<GovernancePackEvidence>
{
    // What a row shows, read the same way from both halves of the definition.
    private static readonly Expression<Func<ImprovementAction, OverdueRow>> Row = a => new OverdueRow { SiteId = a.SiteId, Ref = a.Ref, Title = a.Details.Title, Owner = a.Details.Owner, DueOn = a.Details.DueOn };

    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var asOf = pack.AsOf;

        // The figures' overdue count (SiteFigures) by the same definition, so the table's rows and the count beside it agree.
        var (stillOpen, closedSince) = ActionsOverdue.On(pack.Db.Actions.Where(a => pack.Sites.Select(s => s.Id).Contains(a.SiteId)), asOf);
        var overdue = await stillOpen.Select(Row).Concat(closedSince.Select(Row))
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

    // Set by member, not by constructor: EF can put a union beneath a member projection, not beneath a constructor call.
    private sealed record OverdueRow
    {
        public required Guid SiteId { get; init; }

        public required string Ref { get; init; }

        public required string Title { get; init; }

        public string? Owner { get; init; }

        public DateOnly? DueOn { get; init; }
    }
}
