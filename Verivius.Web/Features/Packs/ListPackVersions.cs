using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Packs;

/// <summary>A site's packs: every version of every month, newest first, and whether this person may upload.</summary>
public sealed record ListPackVersionsQuery(string SiteCode) : IQuery<SitePacksVm>;

public sealed record SitePacksVm(string SiteCode, string SiteName, bool CanUpload, bool IsActive, IReadOnlyList<PackVersionVm> Versions, IReadOnlyList<PackMonthVm> LastTwelveMonths);

public sealed record PackMonthVm(DateOnly Period, int Versions, string? LatestBy, DateTimeOffset? LatestAt)
{
    public bool Received => Versions > 0;
}

public sealed record PackVersionVm(DateOnly Period, int Number, string FileName, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string RowCounts);

internal sealed class ListPackVersionsHandler : IQueryHandler<ListPackVersionsQuery, SitePacksVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public ListPackVersionsHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<SitePacksVm> Handle(ListPackVersionsQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var scope = await _access.ScopeAsync(cancellationToken);
        var name = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name }).SingleAsync(cancellationToken);
        var versions = await PackHistory.VersionsAsync(_db, site.SiteId, cancellationToken);
        return new SitePacksVm(name.Code, name.Name, SiteAccessPolicy.CanChange(scope, site), site.IsActive, versions, PackHistory.LastTwelveMonths(versions, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)));
    }


}

/// <summary>A site's pack versions and the months it owes, for every page that shows them.</summary>
public static class PackHistory
{
    /// <summary>Every version of every pack of the site, newest month and version first.</summary>
    public static Task<List<PackVersionVm>> VersionsAsync(VeriviusDbContext db, Guid siteId, CancellationToken cancellationToken) =>
        (from version in db.PackVersions
         join pack in db.Packs on version.PackId equals pack.Id
         where pack.SiteId == siteId
         orderby pack.Period descending, version.Number descending
         select new PackVersionVm(pack.Period, version.Number, version.FileName, version.SizeBytes, version.Sha256, version.UploadedBy, version.UploadedAt, version.RowCounts))
            .ToListAsync(cancellationToken);

    /// <summary>The twelve complete months before today, each received or not, newest first.</summary>
    public static List<PackMonthVm> LastTwelveMonths(List<PackVersionVm> versions, DateOnly today) =>
        Enumerable.Range(1, 12)
            .Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back))
            .Select(month =>
            {
                var ofMonth = versions.Where(v => v.Period == month).ToList();
                var latest = ofMonth.MaxBy(v => v.Number);
                return new PackMonthVm(month, ofMonth.Count, latest?.UploadedBy, latest?.UploadedAt);
            })
            .ToList();
}
