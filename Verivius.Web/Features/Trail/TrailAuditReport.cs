using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Features.Documents;
using Verivius.Web.Features.Records;
using static Verivius.Web.Features.Documents.DocumentWords;

namespace Verivius.Web.Features.Trail;

/// <summary>
/// The trail audit of one site and month as a Word report, through the governance-pack writer: the
/// summary first, then every chain traced by kind with its gaps and their reasons, how the audit
/// works, and the records it passed through.
/// </summary>
internal sealed class TrailAuditReport : IDocumentComposer
{
    private readonly VeriviusDbContext _db;
    private readonly TrailAuditor _audits;

    public TrailAuditReport(VeriviusDbContext db, TrailAuditor audits)
    {
        _db = db;
        _audits = audits;
    }

    public bool Writes(DocumentKind kind) => kind == DocumentKind.TrailAuditReport;

    public async Task<DocumentContent> ComposeAsync(GovernanceDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var siteId = document.SiteId ?? throw new InvalidOperationException("A trail audit report is about one site.");
        var site = await _db.Sites.Where(s => s.Id == siteId).Select(s => new { s.Code, s.Name, Provider = _db.Providers.Where(p => p.Id == s.ProviderId).Select(p => p.Name).Single() }).SingleAsync(cancellationToken);
        var audit = (await _audits.AuditAsync([siteId], document.ProviderId, document.Period, cancellationToken))[siteId];

        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(1, "Summary"),
            new ParagraphBlock(audit.Chains.Count == 0
                ? $"Nothing at {site.Name} needed tracing in {Month(audit.Month)}: no decision, incident, training or supervision fell due and no inspection finding was open."
                : $"{Count(audit.Chains.Count, "item")} traced for {Month(audit.Month)} at {site.Name}; {audit.Complete} complete ({Math.Round(audit.ShareComplete * 100)}%), with {Count(audit.GapCount, "gap")}."),
            new TableBlock(
                [new("Item traced", 3), new("Traced"), new("Complete"), new("Share complete")],
                [.. audit.ByKind.Select(k => (IReadOnlyList<TableCellText>)[KindTitle(k.Kind), Number(k.Chains), Number(k.Complete), new TableCellText($"{Math.Round(100.0 * k.Complete / k.Chains)}%", k.Complete == k.Chains ? RagRating.Green : RagRating.Red)])],
                "Nothing to trace this month."),
            new HeadingBlock(2, "Gaps by kind"),
            new TableBlock(
                [new("Link", 3), new("Gaps")],
                [.. audit.GapsByStep.Select(g => (IReadOnlyList<TableCellText>)[g.Step, Number(g.Count)])],
                "No gaps: every chain traced is complete."),
        };
        foreach (var kind in audit.Chains.GroupBy(c => c.Kind).OrderBy(g => g.Key))
        {
            blocks.Add(new HeadingBlock(1, KindTitle(kind.Key)));
            blocks.Add(new TableBlock(
                [new("Reference", 2), new("Item", 3), new("Chain as found", 5), new("Gaps", 5)],
                [.. kind.Select(c => (IReadOnlyList<TableCellText>)
                [
                    c.Ref,
                    c.Title,
                    string.Join("\n", c.Links.Select(l => $"{l.Step}: {l.Found}")),
                    c.IsComplete ? new TableCellText("None", RagRating.Green) : new TableCellText(string.Join("\n", c.Gaps.Select(g => g.Reason)), RagRating.Red),
                ])],
                "Nothing of this kind."));
        }

        blocks.Add(new HeadingBlock(1, "How the audit works"));
        blocks.Add(new ParagraphBlock(
            "Each governance decision of the month is traced to an action with an owner, a due date, a closure and closure evidence; each incident to its notification to CQC, "
            + "its duty-of-candour record (in person, apology, written follow-up), the action that came out of it and that action's evidence; each mandatory course that expired "
            + "or was planned in the month to a dated completion in that month's or the next month's training matrix; each member of staff whose supervision fell due in the month "
            + "to a dated session; and each inspection finding still open in the month to its action. Deadlines are those of the provider's challenge thresholds, with working days "
            + $"counted without weekends and bank holidays in England and Wales. The records are read as they stood on {Date(audit.AsOf)}."));
        blocks.Add(new HeadingBlock(1, "Appendix: records referenced"));
        blocks.Add(new TableBlock(
            [new("Record", 2), new("Reference", 3)],
            [.. audit.Chains.SelectMany(c => c.Records).Distinct().OrderBy(r => r.Kind).ThenBy(r => r.Ref, StringComparer.Ordinal)
                .Select(r => (IReadOnlyList<TableCellText>)[RecordKinds.All.FirstOrDefault(k => k.Kind == r.Kind)?.Singular ?? r.Kind.ToString(), r.Ref])],
            "The audit passed through no records."));

        return new DocumentContent(
            $"{DocumentKinds.Title(document.Kind)}: {Month(audit.Month)}",
            $"{site.Name} ({site.Code}), {site.Provider}",
            [$"Records as at {Date(audit.AsOf)}.", $"Written by Verivius on {Date(DateOnly.FromDateTime(now.UtcDateTime))}."],
            now,
            blocks);
    }

    public static string KindTitle(TrailItemKind kind) => kind switch
    {
        TrailItemKind.Decision => "Governance decisions",
        TrailItemKind.Incident => "Incidents",
        TrailItemKind.TrainingDue => "Training due",
        TrailItemKind.SupervisionDue => "Supervision due",
        TrailItemKind.InspectionFinding => "Inspection findings",
        _ => kind.ToString(),
    };
}
