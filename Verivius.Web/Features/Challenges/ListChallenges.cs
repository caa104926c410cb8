using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Challenges;

/// <summary>The challenge register of one site, or of every site the person may see challenges of.</summary>
public sealed record ListChallengesQuery(string? SiteCode, ChallengeFilter Filter, ListRequest Request) : IQuery<ChallengeRegisterVm>;

public sealed record ChallengeRegisterVm(
    string? SiteCode,
    string? SiteName,
    ChallengeFilter Filter,
    Page<ChallengeRowVm> Challenges,
    IReadOnlyList<(string Code, string Name)> Sites,
    bool CanRun,
    bool CanAnswer);

internal sealed class ListChallengesHandler : IQueryHandler<ListChallengesQuery, ChallengeRegisterVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly ChallengeRunner _runner;

    public ListChallengesHandler(VeriviusDbContext db, SiteAccess access, ChallengeRunner runner)
    {
        _db = db;
        _access = access;
        _runner = runner;
    }

    public async ValueTask<ChallengeRegisterVm> Handle(ListChallengesQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        IQueryable<Site> sites;
        string? siteName = null;
        bool canRun;
        if (query.SiteCode is { } code)
        {
            var site = await _access.ChallengeSiteAsync(code, cancellationToken);
            sites = _db.Sites.Where(s => s.Id == site.SiteId);
            siteName = await sites.Select(s => s.Name).SingleAsync(cancellationToken);
            canRun = SiteAccessPolicy.CanChange(scope, site);
        }
        else
        {
            sites = _access.ChallengeSites(scope);
            canRun = scope.SeesWholeProvider;
        }

        var rows = ChallengeRegister.Rows(_db, sites, query.Filter, _runner.Today);
        rows = (query.Request.Sort, query.Request.Descending) switch
        {
            ("site", var d) => d ? rows.OrderByDescending(r => r.SiteName).ThenBy(r => r.Code) : rows.OrderBy(r => r.SiteName).ThenBy(r => r.Code),
            ("code", var d) => d ? rows.OrderByDescending(r => r.Code).ThenBy(r => r.SiteName) : rows.OrderBy(r => r.Code).ThenBy(r => r.SiteName),
            ("status", var d) => d ? rows.OrderByDescending(r => r.Status).ThenBy(r => r.OpenSince) : rows.OrderBy(r => r.Status).ThenBy(r => r.OpenSince),
            ("opened", var d) => d ? rows.OrderByDescending(r => r.OpenSince).ThenBy(r => r.Code) : rows.OrderBy(r => r.OpenSince).ThenBy(r => r.Code),
            ("updated", var d) => d ? rows.OrderByDescending(r => r.UpdatedOn).ThenBy(r => r.Code) : rows.OrderBy(r => r.UpdatedOn).ThenBy(r => r.Code),
            (_, true) => ChallengeRegister.BySeverity(rows, descending: true),
            _ => ChallengeRegister.BySeverity(rows, descending: false),
        };
        var choices = query.SiteCode is null
            ? (await sites.OrderBy(s => s.Name).Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Code, s.Name)).ToList()
            : [];
        // Answering is done site by site: one site's register, by someone who may change its records.
        var canAnswer = query.SiteCode is not null && canRun;
        return new ChallengeRegisterVm(query.SiteCode, siteName, query.Filter, await rows.ToPageAsync(query.Request, cancellationToken), choices, canRun, canAnswer);
    }
}
