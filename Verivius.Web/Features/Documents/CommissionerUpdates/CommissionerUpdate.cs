using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using static Verivius.Web.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents.CommissionerUpdates;

/// <summary>
/// The recovery update a provider sends one commissioner: for each site of the provider granted to
/// them, the recovery position, what improved, what remains fragile, and the next steps and dates.
/// It names no one and cites no record: no owners, no references, no challenges or answers — the
/// same line the commissioner view holds.
/// </summary>
internal sealed class CommissionerUpdate : IDocumentComposer
{
    private static readonly IReadOnlyList<IDocumentSection<CommissionerUpdateEvidence>> Sections =
    [
        new CommissionerSummary(),
        new SiteRecoveryPositions(),
    ];

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
        var update = await CommissionerUpdateEvidence.GatherAsync(_db, document, SitesOf(_db, document.ProviderId, commissionerId), cancellationToken);
        return new DocumentContent(
            $"{DocumentKinds.Title(document.Kind)}: {Month(document.Period)}",
            $"{update.ProviderName}, for {document.ScopeName}",
            [
                $"Recovery position as at {Date(document.DataAsOf)}. Written by Verivius on {Date(DateOnly.FromDateTime(now.UtcDateTime))}.",
                .. update.Contact is { } contact ? [$"Provider contact: {contact}."] : Array.Empty<string>(),
            ],
            now,
            await DocumentSections.WriteAsync(Sections, update, cancellationToken))
        {
            Compact = true,
        };
    }
}
