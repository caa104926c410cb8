using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Workbooks;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Packs;

/// <summary>
/// The workbook for a site's month, prepared by the person downloading it and filled with what the portal
/// holds (<see cref="PrefilledRows"/>).
/// </summary>
/// <param name="Month">The month as <c>yyyy-MM</c>; without one (or one not yet begun), the month the site owes next.</param>
public sealed record DownloadPackTemplateQuery(string SiteCode, string? Month = null) : IQuery<PackTemplate>;

public sealed record PackTemplate(string FileName, byte[] Content);

internal sealed class DownloadPackTemplateHandler : IQueryHandler<DownloadPackTemplateQuery, PackTemplate>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;

    public DownloadPackTemplateHandler(VeriviusDbContext db, SiteAccess access, CurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async ValueTask<PackTemplate> Handle(DownloadPackTemplateQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var details = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name, s.ReportingFrom }).SingleAsync(cancellationToken);
        var preparedBy = await _db.Users.Where(u => u.Id == _actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var month = PackPeriod.TryParse(query.Month, out var asked) && asked.FirstDay <= today
            ? asked
            : PackPeriod.NextOwed(details.ReportingFrom, (await _db.Packs.Where(p => p.SiteId == site.SiteId).Select(p => p.Period).ToListAsync(cancellationToken)).ToHashSet(), today);
        var prefilled = await PrefilledRows.ForAsync(_db, site.SiteId, month.FirstDay, cancellationToken);
        var content = PackWorkbookWriter.Write(details.Code, details.Name, month, string.IsNullOrWhiteSpace(preparedBy) ? _actor.ActorName : preparedBy, prefilled.Rows, prefilled.Told);
        return new PackTemplate($"pack-{details.Code}-{month}.xlsx", content);
    }
}
