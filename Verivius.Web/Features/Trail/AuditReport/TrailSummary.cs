using Verivius.Domain.Evidence;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Trail.AuditReport;

/// <summary>How much was traced and how much of it was complete, by kind, and which links broke most often.</summary>
internal sealed class TrailSummary : WrittenSection<TrailReportEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(TrailReportEvidence report)
    {
        var audit = report.Audit;
        return
        [
            new HeadingBlock(1, "Summary"),
            new ParagraphBlock(audit.Chains.Count == 0
                ? $"Nothing at {report.SiteName} needed tracing in {Month(audit.Month)}: no decision, incident, training or supervision fell due and no inspection finding was open."
                : $"{Count(audit.Chains.Count, "item")} traced for {Month(audit.Month)} at {report.SiteName}; {audit.Complete} complete ({Math.Round(audit.ShareComplete * 100)}%), with {Count(audit.GapCount, "gap")}."),
            new TableBlock(
                [new("Item traced", 3), new("Traced"), new("Complete"), new("Share complete")],
                [.. audit.ByKind.Select(k => (IReadOnlyList<TableCellText>)[TrailItemKinds.Title(k.Kind), Number(k.Chains), Number(k.Complete), new TableCellText($"{Math.Round(100.0 * k.Complete / k.Chains)}%", k.Complete == k.Chains ? RagRating.Green : RagRating.Red)])],
                "Nothing to trace this month."),
            new HeadingBlock(2, "Gaps by kind"),
            new TableBlock(
                [new("Link", 3), new("Gaps")],
                [.. audit.GapsByStep.Select(g => (IReadOnlyList<TableCellText>)[g.Step, Number(g.Count)])],
                "No gaps: every chain traced is complete."),
        ];
    }
}
