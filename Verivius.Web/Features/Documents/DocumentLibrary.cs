using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Documents;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;
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

/// <summary>One document's page: the document, its revisions, and whether the signed-in person reviews it.</summary>
public sealed record GetDocumentQuery(Guid Id) : IQuery<DocumentPageVm>;

/// <summary>The file of a written document, for download.</summary>
public sealed record DownloadDocumentQuery(Guid Id, bool AsPdf = false) : IQuery<DocumentFileVm>;

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
    string? FileName,
    int Revision,
    DocumentReview Review,
    string? Commentary,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? WithdrawnReason,
    long PdfSizeBytes)
{
    public bool HasPdf => PdfSizeBytes > 0;

    public bool IsScheduled => RequestedBy == GovernanceDocument.BySchedule;

    /// <summary>Whether its file may be taken away: written, and neither withdrawn nor a draft shown to someone who does not review it.</summary>
    public bool CanDownload => Status == DocumentStatus.Ready && Review != DocumentReview.Withdrawn;

    /// <summary>Where it stands, in words, for the library and the page.</summary>
    public string ReviewInWords => Review switch
    {
        DocumentReview.Draft when Status == DocumentStatus.Ready => $"Draft {Revision}, waiting for approval",
        DocumentReview.Draft => $"Draft {Revision}",
        DocumentReview.Published => Revision > 1 ? $"Published, revision {Revision}" : "Published",
        DocumentReview.Superseded => $"Revision {Revision}, superseded",
        DocumentReview.Withdrawn => "Withdrawn",
        _ => "",
    };
}

/// <param name="Revisions">Every revision of the same month's document that the person may read, newest first.</param>
/// <param name="CanReview">The nominated individual of its provider or its named approver, for a kind that is approved before it is shared.</param>
/// <param name="MakesPdf">Whether this portal makes PDF copies (LibreOffice is installed).</param>
/// <param name="NoteSites">The sites a reviewer may add a note on when approving: those the document covers site by site.</param>
public sealed record DocumentPageVm(DocumentVm Document, IReadOnlyList<DocumentVm> Revisions, bool CanReview, bool MakesPdf, IReadOnlyList<SiteChoiceVm> NoteSites);

public sealed record DocumentFileVm(Stream Content, string FileName, string ContentType);


internal sealed class DocumentLibraryHandler :
    IQueryHandler<ListDocumentsQuery, DocumentLibraryVm>,
    IQueryHandler<GetDocumentQuery, DocumentPageVm>,
    IQueryHandler<DownloadDocumentQuery, DocumentFileVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly FileStore _files;
    private readonly PdfConverter _pdf;

    public DocumentLibraryHandler(VeriviusDbContext db, SiteAccess access, FileStore files, PdfConverter pdf)
    {
        _pdf = pdf;
        _db = db;
        _access = access;
        _files = files;
    }

    public async ValueTask<DocumentLibraryVm> Handle(ListDocumentsQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var documents = ReadableDocuments.For(_db, scope);
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

    public async ValueTask<DocumentPageVm> Handle(GetDocumentQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var readable = ReadableDocuments.For(_db, scope);
        var series = await readable.Where(d => d.Id == query.Id).Select(d => new { d.Series, d.ProviderId, d.CommissionerId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(NotYours);
        var revisions = await Rows(readable.Where(d => d.Series == series.Series).OrderByDescending(d => d.Revision)).ToListAsync(cancellationToken);
        var document = revisions.Single(d => d.Id == query.Id);
        var who = await PeopleNames.ForAsync(_db, revisions.SelectMany(d => new[] { d.RequestedBy, d.ReviewedBy ?? "" }), cancellationToken);
        DocumentVm Named(DocumentVm d) => d with { RequestedBy = who(d.RequestedBy), ReviewedBy = d.ReviewedBy is { } by ? who(by) : null };
        var canReview = DocumentKinds.NeedsApproval(document.Kind) && await DocumentApprovers.MayReviewAsync(_db, scope, series.ProviderId, cancellationToken);
        var noteSites = canReview && document.Review == DocumentReview.Draft
            ? await DocumentSites.OfAsync(_db, document.Kind, series.ProviderId, series.CommissionerId, cancellationToken)
            : [];
        return new DocumentPageVm(Named(document), [.. revisions.Select(Named)], canReview, _pdf.IsAvailable, noteSites);
    }

    public async ValueTask<DocumentFileVm> Handle(DownloadDocumentQuery query, CancellationToken cancellationToken)
    {
        // Only the document itself: a download needs neither its revisions nor who asked for them.
        var readable = ReadableDocuments.For(_db, await _access.ScopeAsync(cancellationToken)).Where(d => d.Id == query.Id);
        var document = await Rows(readable).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(NotYours);
        var stored = await readable.Select(d => new { d.StoredName, d.PdfStoredName }).SingleAsync(cancellationToken);
        if (document.Review == DocumentReview.Withdrawn)
        {
            throw new NotFoundException($"This document was withdrawn: {document.WithdrawnReason}");
        }

        if (!document.CanDownload || stored.StoredName is null)
        {
            throw new NotFoundException("This document is not ready to download yet.");
        }

        if (query.AsPdf)
        {
            return stored.PdfStoredName is { } pdf
                ? new DocumentFileVm(_files.Open(pdf), Path.ChangeExtension(document.FileName ?? "document.docx", ".pdf"), DocumentGenerator.PdfContentType)
                : throw new NotFoundException("This document has no PDF copy yet.");
        }

        return new DocumentFileVm(_files.Open(stored.StoredName), document.FileName ?? "document.docx", DocumentGenerator.WordContentType);
    }

    private const string NotYours = "There is no such document, or it is not yours to read.";

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
            d.FileName,
            d.Revision,
            d.Review,
            d.Commentary,
            d.ReviewedBy,
            d.ReviewedAt,
            d.WithdrawnReason,
            d.PdfStoredName != null ? d.PdfSizeBytes : 0));
}
