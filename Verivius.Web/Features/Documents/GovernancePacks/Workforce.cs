using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>Training, supervision and appraisal per site, from the newest matrix and supervision record.</summary>
internal sealed class Workforce : IDocumentSection<GovernancePackEvidence>
{
    public async Task<IEnumerable<DocumentBlock>> WriteAsync(GovernancePackEvidence pack, CancellationToken cancellationToken)
    {
        var asOf = pack.AsOf;
        var yearAgo = asOf.AddYears(-1);
        var appraised = await pack.Db.Supervision
            .Where(x => pack.SiteIds.Contains(x.SiteId) && x.Details.Type == SupervisionType.Appraisal && x.Details.HeldOn > yearAgo && x.Details.HeldOn <= asOf)
            .GroupBy(x => x.SiteId)
            .Select(g => new { SiteId = g.Key, Staff = g.Select(x => x.Details.StaffRef).Distinct().Count() })
            .ToDictionaryAsync(x => x.SiteId, x => x.Staff, cancellationToken);
        return
        [
            new HeadingBlock(1, "Training, supervision and appraisal"),
            new ParagraphBlock($"From each site's newest training matrix and supervision record at {Date(asOf)}; appraisals over the twelve months before."),
            new TableBlock(
                [new("Site", 3), new("Mandatory courses"), new("In date"), new("Staff"), new("Supervised in time"), new("Appraised in 12 months")],
                [.. pack.Figures.Select(s => (IReadOnlyList<TableCellText>)
                [
                    s.Name, Number(s.Mandatory), BritishNumbers.Percent(s.InDate, s.Mandatory), Number(s.Staff), BritishNumbers.Percent(s.Supervised, s.Staff),
                    BritishNumbers.Percent(Math.Min(appraised.GetValueOrDefault(s.Id), s.Staff), s.Staff),
                ])],
                "There are no active sites."),
        ];
    }
}
