using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Features.Commissioner;
using static Verivius.Web.Features.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// The recovery update a provider sends one commissioner: for each site of the provider granted to
/// them, the recovery position, what improved, what remains fragile, and the next steps and dates.
/// It names no one and cites no record: no owners, no references, no challenges or answers — the
/// same line the commissioner view holds.
/// </summary>
internal sealed class CommissionerUpdate : IDocumentComposer
{
    private readonly VeriviusDbContext _db;

    public CommissionerUpdate(VeriviusDbContext db) => _db = db;

    public bool Writes(DocumentKind kind) => kind == DocumentKind.CommissionerUpdate;

    /// <summary>The provider's active sites granted to the commissioner.</summary>
    public static IQueryable<Domain.Sites.Site> SitesOf(VeriviusDbContext db, Guid providerId, string commissionerId) =>
        db.Sites.Where(s => s.ProviderId == providerId && s.IsActive
            && db.SiteAssignments.Any(a => a.SiteId == s.Id && a.UserId == commissionerId && a.Kind == SiteAssignmentKind.Commissions));

    /// <summary>The enabled users granted at least one of the provider's active sites as commissioners.</summary>
    public static IQueryable<Infrastructure.Identity.VeriviusUser> CommissionersOf(VeriviusDbContext db, Guid providerId) =>
        db.Users.Where(u => !u.IsDisabled && db.SiteAssignments.Any(a => a.UserId == u.Id && a.Kind == SiteAssignmentKind.Commissions
            && db.Sites.Any(s => s.Id == a.SiteId && s.ProviderId == providerId && s.IsActive))).OrderBy(u => u.DisplayName);

    public async Task<DocumentContent> ComposeAsync(GovernanceDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var commissionerId = document.CommissionerId ?? throw new InvalidOperationException("A commissioner update is addressed to a commissioner.");
        var asOf = document.DataAsOf;
        var providerName = await _db.Providers.Where(p => p.Id == document.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var sites = await SitesOf(_db, document.ProviderId, commissionerId).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.ServiceType }).ToListAsync(cancellationToken);
        var siteIds = sites.Select(s => s.Id).ToList();
        var risks = (await _db.RecoveryRisks.Where(r => siteIds.Contains(r.SiteId))
            .Select(r => new { r.SiteId, Position = new RecoveryPositionVm(r.Details.Area, r.Details.Risk, r.Details.Target, r.Details.Trend, r.Details.ReviewOn) })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.SiteId, r => r.Position);
        var packs = await _db.Packs.Where(p => siteIds.Contains(p.SiteId) && p.Period == document.Period).Select(p => p.SiteId).ToListAsync(cancellationToken);
        var nextPackDue = document.Period.AddMonths(2).AddDays(9);

        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(1, "Summary"),
            new ParagraphBlock(sites.Count == 0
                ? $"{providerName} has no active site commissioned by you; there is no recovery position to report."
                : $"The recovery position at {Date(asOf)} of the {Count(sites.Count, "site")} {providerName} runs for you. "
                    + $"Across them, {Count(risks.Sum(g => g.Count(r => r.Trend != RiskTrend.Resolved)), "recovery risk")} remain open: "
                    + $"{risks.Sum(g => g.Count(r => r.Trend == RiskTrend.Improving))} improving, {risks.Sum(g => g.Count(r => r.Trend == RiskTrend.NoChange))} not changing and "
                    + $"{risks.Sum(g => g.Count(r => r.Trend == RiskTrend.Worsening))} worsening; {risks.Sum(g => g.Count(r => r.Trend == RiskTrend.Resolved))} have been resolved."),
            new ParagraphBlock("This update names no member of staff and no person who uses the service."),
        };
        foreach (var site in sites)
        {
            var positions = risks[site.Id].OrderBy(p => p.Trend).ThenBy(p => p.Area).ToList();
            blocks.Add(new HeadingBlock(1, site.Name));
            blocks.Add(new ParagraphBlock($"{site.ServiceType} service. The monthly evidence for {Month(document.Period)} {(packs.Contains(site.Id) ? "has been received" : "has not been received")}."));
            blocks.Add(new HeadingBlock(2, "Recovery position"));
            blocks.Add(new TableBlock(
                [new("Area", 2), new("Risk", 5), new("Target", 4), new("Trend", 2), new("Next review", 2)],
                [.. positions.Select(p => (IReadOnlyList<TableCellText>)[p.Area.ToString(), p.Risk, p.Target ?? "—", Trend(p.Trend), p.ReviewOn is { } on ? Date(on) : "not set"])],
                "The site has no recovery risks recorded."));
            blocks.Add(new HeadingBlock(2, "What improved"));
            blocks.Add(Bullets(positions.Where(p => p.HasImproved).Select(p => $"{p.Area}: {p.Risk} ({Trend(p.Trend).ToLowerInvariant()})."), "No risk has improved yet."));
            blocks.Add(new HeadingBlock(2, "What remains fragile"));
            blocks.Add(Bullets(positions.Where(p => p.Trend is RiskTrend.Worsening or RiskTrend.NoChange).Select(p => $"{p.Area}: {p.Risk} ({Trend(p.Trend).ToLowerInvariant()})."), "Nothing is worsening or standing still."));
            blocks.Add(new HeadingBlock(2, "Next steps and dates"));
            blocks.Add(Bullets(
                positions.Where(p => p.Trend != RiskTrend.Resolved && p.ReviewOn is not null).OrderBy(p => p.ReviewOn)
                    .Select(p => $"{Date(p.ReviewOn!.Value)}: review of {p.Area.ToString().ToLowerInvariant()}{(p.Target is { } target ? $", aiming for: {target}" : "")}.")
                    .Append($"{Date(nextPackDue)}: the monthly evidence for {Month(document.Period.AddMonths(1))} is due."),
                ""));
        }

        return new DocumentContent(
            $"{DocumentKinds.Title(document.Kind)}: {Month(document.Period)}",
            $"{providerName}, for {document.ScopeName}",
            [$"Recovery position as at {Date(asOf)}.", $"Written by Verivius on {Date(DateOnly.FromDateTime(now.UtcDateTime))}."],
            now,
            blocks);
    }

    private static BulletsBlock Bullets(IEnumerable<string> items, string empty)
    {
        var list = items.ToList();
        return new BulletsBlock(list.Count == 0 ? [empty] : list);
    }
}
