using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Packs;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Trail;

/// <summary>
/// One site's month traced: the month asked for, or one picked at random from the last twelve
/// complete months by a seed (shown, so the same audit can be had again).
/// </summary>
public sealed record GetSiteTrailAuditQuery(string SiteCode, string? Month, int? Seed) : IQuery<SiteTrailAuditVm>;

/// <summary>The same month traced at every active site of the provider, a row per site.</summary>
public sealed record GetProviderTrailAuditQuery(string? Month, ListRequest Request) : IQuery<ProviderTrailAuditVm>;

/// <summary>A site-month's gaps as CSV.</summary>
public sealed record ExportTrailAuditQuery(string SiteCode, string? Month) : IQuery<TrailAuditCsv>;

public sealed record TrailAuditCsv(string FileName, string Content);

public sealed record SiteTrailAuditVm(string SiteCode, string SiteName, TrailAuditResult Audit, int? Seed, IReadOnlyList<DateOnly> Months);

public sealed record ProviderTrailAuditVm(DateOnly Month, Page<SiteTrailRowVm> Sites, int Chains, int Complete, int Gaps, IReadOnlyList<(string Step, int Count)> GapsByStep, IReadOnlyList<DateOnly> Months);

public sealed record SiteTrailRowVm(string Code, string Name, int Chains, int Complete, double ShareComplete, int Gaps, string? CommonestGap);

internal sealed class TrailAuditHandler :
    IQueryHandler<GetSiteTrailAuditQuery, SiteTrailAuditVm>,
    IQueryHandler<GetProviderTrailAuditQuery, ProviderTrailAuditVm>,
    IQueryHandler<ExportTrailAuditQuery, TrailAuditCsv>
{

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TrailAuditor _auditor;

    public TrailAuditHandler(VeriviusDbContext db, SiteAccess access, TrailAuditor auditor)
    {
        _db = db;
        _access = access;
        _auditor = auditor;
    }

    private DateOnly Today => _auditor.Today;

    public async ValueTask<SiteTrailAuditVm> Handle(GetSiteTrailAuditQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(query.SiteCode, cancellationToken);
        var month = query.Seed is { } seed ? TrailAudit.RandomMonth(seed, Today) : PackPeriod.AskedOrLastComplete(query.Month, Today);
        var named = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name }).SingleAsync(cancellationToken);
        var audit = (await _auditor.AuditAsync([site.SiteId], site.ProviderId, month, cancellationToken))[site.SiteId];
        return new SiteTrailAuditVm(named.Code, named.Name, audit, query.Seed, TrailAuditor.LastTwelveMonths(Today));
    }

    public async ValueTask<ProviderTrailAuditVm> Handle(GetProviderTrailAuditQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.SeesWholeProvider || scope.ProviderId is not { } providerId)
        {
            throw new ForbiddenException("The provider trail audit is for the nominated individual.");
        }

        var month = PackPeriod.AskedOrLastComplete(query.Month, Today);
        var sites = await _db.Sites.Where(s => s.ProviderId == providerId && s.IsActive).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        var audits = await _auditor.AuditAsync([.. sites.Select(s => s.Id)], providerId, month, cancellationToken);
        IEnumerable<SiteTrailRowVm> rows = sites.Select(s =>
        {
            var audit = audits[s.Id];
            return new SiteTrailRowVm(s.Code, s.Name, audit.Chains.Count, audit.Complete, audit.ShareComplete, audit.GapCount, audit.GapsByStep.Select(g => g.Step).FirstOrDefault());
        });
        if (query.Request.SafeFilter is { } text)
        {
            rows = rows.Where(r => r.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || r.Code.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        rows = (query.Request.Sort, query.Request.Descending) switch
        {
            ("site", var d) => d ? rows.OrderByDescending(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Name, StringComparer.Ordinal),
            ("gaps", var d) => d ? rows.OrderBy(r => r.Gaps) : rows.OrderByDescending(r => r.Gaps),
            (_, var d) => d ? rows.OrderByDescending(r => r.ShareComplete).ThenBy(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.ShareComplete).ThenBy(r => r.Name, StringComparer.Ordinal),
        };
        var all = rows.ToList();
        var every = audits.Values.ToList();
        return new ProviderTrailAuditVm(
            month,
            new Page<SiteTrailRowVm>([.. all.Skip((query.Request.SafePage - 1) * ListRequest.PageSize).Take(ListRequest.PageSize)], query.Request, all.Count),
            every.Sum(a => a.Chains.Count),
            every.Sum(a => a.Complete),
            every.Sum(a => a.GapCount),
            [.. every.SelectMany(a => a.GapsByStep).GroupBy(g => g.Step).Select(g => (g.Key, g.Sum(x => x.Count))).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)],
            TrailAuditor.LastTwelveMonths(Today));
    }

    public async ValueTask<TrailAuditCsv> Handle(ExportTrailAuditQuery query, CancellationToken cancellationToken)
    {
        var audit = await Handle(new GetSiteTrailAuditQuery(query.SiteCode, query.Month, null), cancellationToken);
        return new TrailAuditCsv($"trail-audit-{audit.SiteCode}-{audit.Audit.Month:yyyy-MM}.csv", TrailAuditor.Csv(audit.SiteCode, audit.Audit));
    }


}
