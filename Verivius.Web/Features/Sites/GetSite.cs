using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Sites;

/// <summary>One site's page, for anyone who may read the site; with its dashboard for the people who run it.</summary>
public sealed record GetSiteQuery(string SiteCode, string? Month = null) : IQuery<SiteVm>;

/// <param name="Dashboard">The site's picture, for those who may see its challenges; null for a commissioner.</param>
/// <param name="CqcRatingInWords">The published rating with its age today, or that none is recorded.</param>
/// <param name="CqcRatingIsStale">Whether that rating is more than six years old today.</param>
public sealed record SiteVm(SiteSummaryVm Site, bool CanChange, SiteDashboardVm? Dashboard, string CqcRatingInWords, bool CqcRatingIsStale);

internal sealed class GetSiteHandler : IQueryHandler<GetSiteQuery, SiteVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly IMediator _mediator;
    private readonly TimeProvider _clock;

    public GetSiteHandler(VeriviusDbContext db, SiteAccess access, IMediator mediator, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _mediator = mediator;
        _clock = clock;
    }

    public async ValueTask<SiteVm> Handle(GetSiteQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var scope = await _access.ScopeAsync(cancellationToken);
        var summary = await _db.Sites.AsNoTracking()
            .Where(s => s.Id == site.SiteId)
            .Join(_db.Providers, s => s.ProviderId, p => p.Id, (s, p) => new SiteSummaryVm
            {
                Code = s.Code,
                Name = s.Name,
                ServiceType = s.ServiceType.ToString(),
                RegisteredManager = s.RegisteredManager,
                ProviderName = p.Name,
                IsActive = s.IsActive,
                CqcRating = s.CqcRating,
                CqcRatingPublishedOn = s.CqcRatingPublishedOn,
                CqcWellLedRating = s.CqcWellLedRating,
                CqcReportUrl = s.CqcReportUrl,
                ReportingFrom = s.ReportingFrom,
            })
            .SingleAsync(cancellationToken);
        var dashboard = Domain.Access.SiteAccessPolicy.CanSeeChallenges(scope, site)
            ? await _mediator.Send(new GetSiteDashboardQuery(query.SiteCode, query.Month), cancellationToken)
            : null;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        return new SiteVm(
            summary,
            Domain.Access.SiteAccessPolicy.CanChange(scope, site),
            dashboard,
            RatingAge.Describe(summary.CqcRating, summary.CqcWellLedRating, summary.CqcRatingPublishedOn, today),
            summary.CqcRatingPublishedOn is { } published && RatingAge.IsStale(published, today));
    }
}
