using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Features.Documents.CommissionerUpdates;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// The sites an approver may add a note on: those the document covers site by site (a board pack's
/// active sites, a commissioner update's commissioned sites); none for a document about one site or a meeting.
/// </summary>
internal static class DocumentSites
{
    public static async Task<List<SiteChoiceVm>> OfAsync(VeriviusDbContext db, DocumentKind kind, Guid providerId, string? commissionerId, CancellationToken cancellationToken)
    {
        var sites = kind switch
        {
            DocumentKind.BoardPack => db.Sites.Where(s => s.ProviderId == providerId && s.IsActive),
            DocumentKind.CommissionerUpdate when commissionerId is not null => CommissionerUpdate.SitesOf(db, providerId, commissionerId),
            _ => null,
        };
        return sites is null ? [] : await sites.OrderBy(s => s.Name).Select(s => new SiteChoiceVm(s.Code, s.Name)).ToListAsync(cancellationToken);
    }
}

public sealed record SiteChoiceVm(string Code, string Name)
{
    public string Named => $"{Name} ({Code})";
}

/// <summary>An approver's note on one site, as typed: the site's code and the note.</summary>
public sealed record SiteNote(string? SiteCode, string? Text);
