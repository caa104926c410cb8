using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.GovernancePacks;

/// <summary>
/// The board pack (every active site of a provider) and the site governance pack (one site): the
/// same shape at two scales. Summary first — what improved, what remains fragile, what changed since
/// the last pack — then the decisions the board must take, the sites at a glance, a paragraph on each
/// site needing attention and the trends; the long registers follow as appendices (the joined recovery
/// map, unsupported assurance, overdue actions, incidents, complaints, the workforce, the response to
/// inspection, the challenges read against CQC's framework) and last every record the pack names, so each claim traces to evidence.
/// </summary>
internal sealed class GovernancePack : IDocumentComposer
{
    /// <summary>The pack's sections in the order a board reads them; the records appendix lists what the others cited, so it comes last.</summary>
    internal static readonly IReadOnlyList<IDocumentSection<GovernancePackEvidence>> Sections =
    [
        new ExecutiveSummary(),
        new DecisionsNeeded(),
        new SitesAtAGlance(),
        new SitesNeedingAttention(),
        new TrendCharts(),
        .. Appendix.Of(
            new RecoveryMap(),
            new UnsupportedAssurance(),
            new OverdueActions(),
            new IncidentsAndCandour(),
            new ComplaintsAndLearning(),
            new Workforce(),
            new InspectionResponse(),
            new AgainstTheFramework(),
            new RecordsAppendix()),
    ];

    private readonly VeriviusDbContext _db;

    public GovernancePack(VeriviusDbContext db) => _db = db;

    public bool Writes(DocumentKind kind) => kind is DocumentKind.BoardPack or DocumentKind.SitePack;

    public async Task<DocumentContent> ComposeAsync(GovernanceDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pack = await GovernancePackEvidence.GatherAsync(_db, document, cancellationToken);
        var blocks = await DocumentSections.WriteAsync(Sections, pack, cancellationToken);
        if (!pack.IsBoard)
        {
            // A site pack is about one site: a column repeating its name on every row says nothing.
            blocks = [.. blocks.Select(block => block is TableBlock { Columns: [{ Header: "Site" }, ..] } table
                ? table with { Columns = [.. table.Columns.Skip(1)], Rows = [.. table.Rows.Select(row => (IReadOnlyList<TableCellText>)[.. row.Skip(1)])] }
                : block)];
        }

        var scope = pack.IsBoard ? pack.ProviderName : $"{pack.Figures.Single().Name} ({pack.Figures.Single().Code}), {pack.ProviderName}";
        return new DocumentContent(
            $"{DocumentKinds.Title(document.Kind)}: {Month(document.Period)}",
            scope,
            [$"Evidence as at {Date(pack.AsOf)}.", $"Written by Verivius on {Date(DateOnly.FromDateTime(now.UtcDateTime))} from the records each site keeps; every record named is listed in the appendix."],
            now,
            blocks);
    }
}
