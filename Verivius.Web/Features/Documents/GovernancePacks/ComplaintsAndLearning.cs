using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>The month's complaints per site, and whether their learning reached the care plans it should have.</summary>
internal sealed class ComplaintsAndLearning : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var asOf = pack.AsOf;
        var complaints = await ReceivedIn(pack.Db, pack.SiteIds, pack.Period)
            .GroupBy(c => c.SiteId)
            .Select(g => new
            {
                SiteId = g.Key,
                Received = g.Count(),
                Responded = g.Count(c => c.Details.RespondedOn != null && c.Details.RespondedOn <= asOf),
                Upheld = g.Count(c => c.Details.Outcome == ComplaintOutcome.Upheld || c.Details.Outcome == ComplaintOutcome.PartlyUpheld),
                WithLearning = g.Count(c => c.Details.Learning != null && c.Details.Learning != ""),
                CarePlansDue = g.Count(c => c.Details.CarePlanUpdateRequired == true),
                CarePlansUpdated = g.Count(c => c.Details.CarePlanUpdateRequired == true && c.Details.CarePlanUpdatedOn != null && c.Details.CarePlanUpdatedOn <= asOf),
            })
            .ToDictionaryAsync(c => c.SiteId, cancellationToken);
        return
        [
            new HeadingBlock(1, "Complaints and learning"),
            new TableBlock(
                [new("Site", 3), new($"Received in {ShortMonth(pack.Period)}"), new("Responded"), new("Upheld in whole or part"), new("Learning recorded"), new("Care plans to update"), new("Updated")],
                [.. pack.Figures.Select(s => complaints.TryGetValue(s.Id, out var c)
                    ? (IReadOnlyList<TableCellText>)[s.Name, Number(c.Received), Number(c.Responded), Number(c.Upheld), Number(c.WithLearning), Number(c.CarePlansDue), Number(c.CarePlansUpdated)]
                    : [s.Name, "0", "—", "—", "—", "—", "—"])],
                "There are no active sites."),
            .. PackTables.ChallengesOfFamily(pack, "COMP-", "No complaint challenge stands open: learning is reaching care plans."),
        ];
    }

    /// <summary>The complaints the sites received in the month, found through the (site, day received) index the migrations make.</summary>
    internal static IQueryable<Complaint> ReceivedIn(VeriviusDbContext db, List<Guid> siteIds, DateOnly month)
    {
        var monthEnd = month.AddMonths(1);
        return db.Complaints.Where(c => siteIds.Contains(c.SiteId) && c.Details.ReceivedOn >= month && c.Details.ReceivedOn < monthEnd);
    }
}
