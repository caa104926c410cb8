using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Documents;

/// <summary>The governance documents a person may read, for the library and for the review of a document.</summary>
public static class ReadableDocuments
{
    /// <summary>
    /// Who reads what: the provider's nominated individual and admins every document of the provider;
    /// a registered manager the documents of the sites they manage; a commissioner the updates
    /// addressed to them once the nominated individual has published them (and, after, withdrawn
    /// them), and nothing else.
    /// </summary>
    public static IQueryable<GovernanceDocument> For(VeriviusDbContext db, UserScope scope)
    {
        var providerId = scope.SeesWholeProvider ? scope.ProviderId : null;
        var managed = scope.ManagedSiteIds.ToList();
        var commissionerId = scope.IsIn(Roles.Commissioner) ? scope.UserId : null;
        return db.Documents.Where(d =>
            (providerId != null && d.ProviderId == providerId)
            || (d.SiteId != null && managed.Contains(d.SiteId.Value) && d.Kind != DocumentKind.CommissionerUpdate)
            || (commissionerId != null && d.CommissionerId == commissionerId && d.Kind == DocumentKind.CommissionerUpdate
                && (d.Review == DocumentReview.Published || d.Review == DocumentReview.Withdrawn)));
    }
}
