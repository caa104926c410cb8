using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Packs;

/// <summary>A site's packs: every version of every month, newest first, and whether this person may upload.</summary>
public sealed record ListPackVersionsQuery(string SiteCode) : IQuery<SitePacksVm>;

/// <param name="ReportingFrom">The first month the site owes a pack for.</param>
/// <param name="NextOwed">The month the site owes its next pack for, whose workbook the page offers first.</param>
public sealed record SitePacksVm(
    string SiteCode, string SiteName, bool CanUpload, bool IsActive, IReadOnlyList<PackVersionVm> Versions, IReadOnlyList<PackMonthVm> LastTwelveMonths, DateOnly ReportingFrom, PackPeriod NextOwed);

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
        var name = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name, s.ReportingFrom }).SingleAsync(cancellationToken);
        var versions = await PackHistory.VersionsAsync(_db, site.SiteId, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        return new SitePacksVm(
            name.Code, name.Name, SiteAccessPolicy.CanChange(scope, site), site.IsActive, versions, PackHistory.LastTwelveMonths(versions, today, name.ReportingFrom), name.ReportingFrom,
            PackPeriod.NextOwed(name.ReportingFrom, versions.Select(v => v.Period).ToHashSet(), today));
    }
}
