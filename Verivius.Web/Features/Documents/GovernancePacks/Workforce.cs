using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>Training, supervision, appraisal and staffing per site for the pack's month, measured as every view measures them.</summary>
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
        var supervised = WorkforceMeasures.SupervisedOnTime(pack.SupervisionDays);
        return
        [
            new HeadingBlock(1, "Training, supervision and appraisal"),
            new ParagraphBlock(
                $"For {Month(pack.Period)}. {WorkforceMeasures.TrainingInDate.Title}: {WorkforceMeasures.TrainingInDate.Explanation}. " +
                $"{supervised.Title}: {supervised.Explanation}. Appraised: staff with an appraisal in the twelve months to {Date(asOf)}. Staff: those with mandatory training on the matrix."),
            new TableBlock(
                [new("Site", 2), new("Staff"), new("Training in date"), new("Supervised on time"), new("Appraised in 12 months")],
                [.. pack.Figures.Select(s => (IReadOnlyList<TableCellText>)
                [
                    s.Name, Number(s.Training?.Staff ?? 0), StaffCount.Percent(s.Training), StaffCount.Percent(s.Supervision),
                    BritishNumbers.Percent(Math.Min(appraised.GetValueOrDefault(s.Id), s.Supervision?.Staff ?? 0), s.Supervision?.Staff ?? 0),
                ])],
                "There are no active sites."),
            new HeadingBlock(2, "Staffing"),
            new ParagraphBlock(
                $"For {Month(pack.Period)}. {Measures.UnfilledShifts.Title}: {Measures.UnfilledShifts.Explanation}. {Measures.AgencyShare.Title}: {Measures.AgencyShare.Explanation}."),
            new TableBlock(
                [new("Site", 2), new("Shifts planned"), new(Measures.UnfilledShifts.Title), new(Measures.AgencyShare.Title)],
                [.. pack.Figures.Select(s => (IReadOnlyList<TableCellText>)
                [
                    s.Name, Number((int)s.UnfilledShifts.Whole), s.UnfilledShifts.Described, s.AgencyShare.Described,
                ])],
                "There are no active sites."),
        ];
    }
}
