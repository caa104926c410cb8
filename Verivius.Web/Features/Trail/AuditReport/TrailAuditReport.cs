using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Trail.AuditReport;

/// <summary>
/// The trail audit of one site and month as a Word report, through the governance-pack writer: the
/// summary first, then every chain traced by kind with its gaps and their reasons, how the audit
/// works, and the records it passed through.
/// </summary>
internal sealed class TrailAuditReport : IDocumentComposer
{
    private static readonly IReadOnlyList<IDocumentSection<TrailReportEvidence>> Sections =
    [
        new TrailSummary(),
        new TracedChains(),
        new HowTheAuditWorks(),
        new TrailRecordsAppendix(),
    ];

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
        return new DocumentContent(
            $"{DocumentKinds.Title(document.Kind)}: {Month(audit.Month)}",
            $"{site.Name} ({site.Code}), {site.Provider}",
            [$"Records as at {Date(audit.AsOf)}.", $"Written by Verivius on {Date(DateOnly.FromDateTime(now.UtcDateTime))}."],
            now,
            await DocumentSections.WriteAsync(Sections, new TrailReportEvidence(site.Name, audit), cancellationToken));
    }
}
