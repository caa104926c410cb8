using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>One of the admin's sites, as the edit form shows it.</summary>
public sealed record GetSiteFormQuery(string SiteCode) : IQuery<SiteFormVm>;

internal sealed class GetSiteFormHandler : IQueryHandler<GetSiteFormQuery, SiteFormVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public GetSiteFormHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<SiteFormVm> Handle(GetSiteFormQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var site = await _db.Sites.AsNoTracking()
            .Where(s => s.Code == query.SiteCode && s.ProviderId == providerId)
            .Select(s => new
            {
                s.ReportingFrom,
                Form = new SiteFormVm
                {
                    Code = s.Code,
                    Name = s.Name,
                    ServiceType = s.ServiceType.ToString(),
                    RegisteredManager = s.RegisteredManager,
                    CqcRating = s.CqcRating.HasValue ? s.CqcRating.Value.ToString() : null,
                    CqcRatingPublishedOn = s.CqcRatingPublishedOn,
                    CqcWellLedRating = s.CqcWellLedRating.HasValue ? s.CqcWellLedRating.Value.ToString() : null,
                    CqcReportUrl = s.CqcReportUrl,
                    IsActive = s.IsActive,
                    IsNew = false,
                }
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No site {query.SiteCode} in your provider.");
        site.Form.ReportingFrom = site.ReportingFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return site.Form;
    }
}
