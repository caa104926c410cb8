using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Documents;

/// <summary>The document library's filters, bound from the query string.</summary>
public sealed record DocumentFilter(string? Kind = null, string? Period = null, string? Site = null)
{
    public DocumentKind? KindValue => DocumentKinds.TryParse(Kind, out var kind) ? kind : null;

    public DateOnly? PeriodValue => PackPeriod.TryParse(Period, out var period) ? period.FirstDay : null;

    public bool IsFiltered => KindValue is not null || PeriodValue is not null || !string.IsNullOrWhiteSpace(Site);
}

/// <summary>Every governance document the signed-in person may read, newest month first.</summary>
public sealed record ListDocumentsQuery(DocumentFilter Filter, ListRequest Request) : IQuery<DocumentLibraryVm>;

public sealed record GetDocumentQuery(Guid Id) : IQuery<DocumentVm>;

/// <summary>The file of a written document, for download.</summary>
public sealed record DownloadDocumentQuery(Guid Id) : IQuery<DocumentFileVm>;

public sealed record DocumentLibraryVm(Page<DocumentVm> Documents, DocumentFilter Filter, IReadOnlyList<(string Code, string Name)> Sites, bool CanRequest);

public sealed record DocumentVm(
    Guid Id,
    DocumentKind Kind,
    string Title,
    DateOnly Period,
    string ScopeName,
    string? SiteCode,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DocumentStatus Status,
    string Stage,
    string? FailureReason,
    DateOnly DataAsOf,
    DateTimeOffset? GeneratedAt,
    long SizeBytes,
    string? Sha256,
    string? FileName)
{
    public bool IsScheduled => RequestedBy == GovernanceDocument.BySchedule;
}

public sealed record DocumentFileVm(Stream Content, string FileName);

internal sealed class DocumentLibraryHandler :
    IQueryHandler<ListDocumentsQuery, DocumentLibraryVm>,
    IQueryHandler<GetDocumentQuery, DocumentVm>,
    IQueryHandler<DownloadDocumentQuery, DocumentFileVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly FileStore _files;

    public DocumentLibraryHandler(VeriviusDbContext db, SiteAccess access, FileStore files)
    {
        _db = db;
        _access = access;
        _files = files;
    }

    /// <summary>
    /// Who reads what: the provider's nominated individual and admins every document of the provider;
    /// a registered manager the documents of the sites they manage; a commissioner the updates
    /// addressed to them, and nothing else.
    /// </summary>
    public static IQueryable<GovernanceDocument> Readable(VeriviusDbContext db, UserScope scope)
    {
        var providerId = scope.SeesWholeProvider ? scope.ProviderId : null;
        var managed = scope.ManagedSiteIds.ToList();
        var commissionerId = scope.IsIn(Roles.Commissioner) ? scope.UserId : null;
        return db.Documents.Where(d =>
            (providerId != null && d.ProviderId == providerId)
            || (d.SiteId != null && managed.Contains(d.SiteId.Value) && d.Kind != DocumentKind.CommissionerUpdate)
            || (commissionerId != null && d.CommissionerId == commissionerId && d.Kind == DocumentKind.CommissionerUpdate));
    }

    public async ValueTask<DocumentLibraryVm> Handle(ListDocumentsQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var documents = Readable(_db, scope);
        var filter = query.Filter;
        if (filter.KindValue is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (filter.PeriodValue is { } period)
        {
            documents = documents.Where(d => d.Period == period);
        }

        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            var code = filter.Site.Trim();
            documents = documents.Where(d => _db.Sites.Any(s => s.Id == d.SiteId && s.Code == code));
        }

        if (query.Request.SafeFilter is { } text)
        {
            documents = documents.Where(d => d.Title.Contains(text) || d.ScopeName.Contains(text));
        }

        var sorted = (query.Request.Sort, query.Request.Descending) switch
        {
            ("kind", var d) => d ? documents.OrderByDescending(x => x.Kind) : documents.OrderBy(x => x.Kind),
            ("scope", var d) => d ? documents.OrderByDescending(x => x.ScopeName) : documents.OrderBy(x => x.ScopeName),
            ("generated", var d) => d ? documents.OrderBy(x => x.CreatedAt) : documents.OrderByDescending(x => x.CreatedAt),
            ("size", var d) => d ? documents.OrderBy(x => x.SizeBytes) : documents.OrderByDescending(x => x.SizeBytes),
            (_, var d) => d ? documents.OrderBy(x => x.Period).ThenBy(x => x.CreatedAt) : documents.OrderByDescending(x => x.Period).ThenByDescending(x => x.CreatedAt),
        };
        var page = await Rows(sorted).ToPageAsync(query.Request, cancellationToken);
        var who = await PeopleNames.ForAsync(_db, page.Items.Select(d => d.RequestedBy), cancellationToken);
        page = page with { Items = [.. page.Items.Select(d => d with { RequestedBy = who(d.RequestedBy) })] };
        var sites = await _access.ChallengeSites(scope).OrderBy(s => s.Name).Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken);
        return new DocumentLibraryVm(page, filter, [.. sites.Select(s => (s.Code, s.Name))], scope.IsIn(Roles.NominatedIndividual) || scope.IsIn(Roles.RegisteredManager));
    }

    public async ValueTask<DocumentVm> Handle(GetDocumentQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var document = await Rows(Readable(_db, scope).Where(d => d.Id == query.Id)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such document, or it is not yours to read.");
        var who = await PeopleNames.ForAsync(_db, [document.RequestedBy], cancellationToken);
        return document with { RequestedBy = who(document.RequestedBy) };
    }

    public async ValueTask<DocumentFileVm> Handle(DownloadDocumentQuery query, CancellationToken cancellationToken)
    {
        var document = await Handle(new GetDocumentQuery(query.Id), cancellationToken);
        var stored = await _db.Documents.Where(d => d.Id == document.Id).Select(d => d.StoredName).SingleAsync(cancellationToken);
        if (document.Status != DocumentStatus.Ready || stored is null)
        {
            throw new NotFoundException("This document is not ready to download yet.");
        }

        return new DocumentFileVm(_files.Open(stored), document.FileName ?? "document.docx");
    }

    private IQueryable<DocumentVm> Rows(IQueryable<GovernanceDocument> documents) =>
        documents.Select(d => new DocumentVm(
            d.Id,
            d.Kind,
            d.Title,
            d.Period,
            d.ScopeName,
            _db.Sites.Where(s => s.Id == d.SiteId).Select(s => s.Code).FirstOrDefault(),
            d.RequestedBy,
            d.CreatedAt,
            d.Status,
            d.Stage,
            d.FailureReason,
            d.DataAsOf,
            d.GeneratedAt,
            d.SizeBytes,
            d.Sha256,
            d.FileName));
}
