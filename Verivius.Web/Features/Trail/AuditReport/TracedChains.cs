using Verivius.Domain.Evidence;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Trail.AuditReport;

/// <summary>Every chain traced, one table per kind: the chain as found and the reason for each gap.</summary>
internal sealed class TracedChains : WrittenSection<TrailReportEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(TrailReportEvidence report)
    {
        foreach (var kind in report.Audit.Chains.GroupBy(c => c.Kind).OrderBy(g => g.Key))
        {
            yield return new HeadingBlock(1, TrailItemKinds.Title(kind.Key));
            yield return new TableBlock(
                [new("Reference", 2), new("Item", 3), new("Chain as found", 5), new("Gaps", 5)],
                [.. kind.Select(c => (IReadOnlyList<TableCellText>)
                [
                    c.Ref,
                    c.Title,
                    string.Join("\n", c.Links.Select(l => $"{l.Step}: {l.Found}")),
                    c.IsComplete ? new TableCellText("None", RagRating.Green) : new TableCellText(string.Join("\n", c.Gaps.Select(g => g.Reason)), RagRating.Red),
                ])],
                "Nothing of this kind.");
        }
    }
}
