using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Workbooks;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Packs;

/// <summary>The blank workbook for a site's last complete month, prepared by the person downloading it.</summary>
public sealed record DownloadPackTemplateQuery(string SiteCode) : IQuery<PackTemplate>;

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
        var details = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name }).SingleAsync(cancellationToken);
        var preparedBy = await _db.Users.Where(u => u.Id == _actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var lastMonth = PackPeriod.Of(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddMonths(-1));
        var content = PackWorkbookWriter.Write(details.Code, details.Name, lastMonth, string.IsNullOrWhiteSpace(preparedBy) ? _actor.ActorName : preparedBy);
        return new PackTemplate($"pack-{details.Code}-{lastMonth}.xlsx", content);
    }
}
