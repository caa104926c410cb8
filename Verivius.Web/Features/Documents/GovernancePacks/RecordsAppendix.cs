using Verivius.Infrastructure.Documents;
using Verivius.Web.Documents;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>Every record the sections before it named, by site, so each claim of the pack traces to evidence. It comes last, as the last appendix.</summary>
internal sealed class RecordsAppendix : WrittenSection<GovernancePackEvidence>
{
    protected override IEnumerable<DocumentBlock> Write(GovernancePackEvidence pack) =>
    [
        new HeadingBlock(1, "Records referenced"),
        new ParagraphBlock("Every record this pack names, by site; each can be opened in Verivius under the site's records."),
        new TableBlock(
            [new("Site", 2), new("Record"), new("Reference", 2)],
            [.. pack.Cited.Select(r => (IReadOnlyList<TableCellText>)[r.Site, r.Kind, r.Ref])],
            "The pack names no records."),
    ];
}
