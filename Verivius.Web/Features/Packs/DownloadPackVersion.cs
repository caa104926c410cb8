using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Workbooks;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Packs;

/// <summary>
/// One version's workbook, exactly as uploaded, for someone who may read the site: only ever a
/// workbook that passes today's safety checks, so one stored before a check existed is never served
/// on to other users.
/// </summary>
public sealed record DownloadPackVersionQuery(string SiteCode, string Period, int Number) : IQuery<PackDownload>;

public sealed record PackDownload(string FileName, Stream Content);

internal sealed class DownloadPackVersionHandler : IQueryHandler<DownloadPackVersionQuery, PackDownload>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly FileStore _files;

    public DownloadPackVersionHandler(VeriviusDbContext db, SiteAccess access, FileStore files)
    {
        _db = db;
        _access = access;
        _files = files;
    }

    public async ValueTask<PackDownload> Handle(DownloadPackVersionQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        if (!PackPeriod.TryParse(query.Period, out var period))
        {
            throw new NotFoundException($"No pack for {query.Period}.");
        }

        var version = await (from v in _db.PackVersions
                             join pack in _db.Packs on v.PackId equals pack.Id
                             where pack.SiteId == site.SiteId && pack.Period == period.FirstDay && v.Number == query.Number
                             select new { v.StoredName })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No version {query.Number} of the {period} pack.");

        var content = new MemoryStream();
        await using (var stored = _files.Open(version.StoredName))
        {
            await stored.CopyToAsync(content, cancellationToken);
        }

        try
        {
            XlsxWorkbook.Open(content).Dispose();
        }
        catch (UnreadableWorkbookException refused)
        {
            throw new ForbiddenException($"Version {query.Number} of the {period} pack is not offered for download: {refused.Message}");
        }

        // A download name from our own data, never the name the uploader chose.
        content.Position = 0;
        return new PackDownload($"pack-{query.SiteCode}-{period}-v{query.Number}.xlsx", content);
    }
}
