using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Trail.AuditReport;

/// <summary>Every record the traced chains passed through, by kind and reference.</summary>
internal sealed class TrailRecordsAppendix : WrittenSection<TrailReportEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(TrailReportEvidence report) =>
    [
        new HeadingBlock(1, "Appendix: records referenced"),
        new TableBlock(
            [new("Record", 2), new("Reference", 3)],
            [.. report.Audit.Chains.SelectMany(c => c.Records).Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Ref, StringComparer.Ordinal)
                .Select(r => (IReadOnlyList<TableCellText>)[RecordCatalogue.Of(r.Kind).Singular, r.Ref])],
            "The audit passed through no records."),
    ];
}
