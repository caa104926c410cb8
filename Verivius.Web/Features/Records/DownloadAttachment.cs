using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Records;

/// <summary>An attachment's file, for someone who may read its site, always as a download.</summary>
public sealed record DownloadAttachmentQuery(string SiteCode, string Reference) : IQuery<AttachmentDownload>;

public sealed record AttachmentDownload(string FileName, string ContentType, Stream Content);

internal sealed class DownloadAttachmentHandler : IQueryHandler<DownloadAttachmentQuery, AttachmentDownload>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly FileStore _files;

    public DownloadAttachmentHandler(VeriviusDbContext db, SiteAccess access, FileStore files)
    {
        _db = db;
        _access = access;
        _files = files;
    }

    public async ValueTask<AttachmentDownload> Handle(DownloadAttachmentQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var attachment = await _db.Attachments.AsNoTracking()
            .Where(a => a.SiteId == site.SiteId && a.Ref == query.Reference)
            .Select(a => new { a.Ref, a.File.StoredName, a.File.ContentType })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No attachment {query.Reference} at this site.");

        // The name the service gave the file, stripped of anything a browser could read as a path.
        var safeName = string.Concat(Path.GetFileName(attachment.Ref).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return new AttachmentDownload(safeName, attachment.ContentType, _files.Open(attachment.StoredName));
    }
}
