using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Trail;

/// <summary>Ask for a site-month's trail audit as a Word report, written in the background and kept in the document library.</summary>
public sealed record RequestTrailAuditReportCommand(string SiteCode, string? Month) : ICommand<Guid>;

internal sealed class RequestTrailAuditReportHandler : ICommandHandler<RequestTrailAuditReportCommand, Guid>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly DocumentRequests _requests;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;

    public RequestTrailAuditReportHandler(VeriviusDbContext db, SiteAccess access, DocumentRequests requests, CurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _requests = requests;
        _actor = actor;
        _clock = clock;
    }

    public async ValueTask<Guid> Handle(RequestTrailAuditReportCommand command, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(command.SiteCode, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var month = PackPeriod.AskedOrLastComplete(command.Month, today);
        var name = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var document = new GovernanceDocument(site.ProviderId, DocumentKind.TrailAuditReport, month, DocumentScope.Site(site.SiteId, name), $"{DocumentKinds.Title(DocumentKind.TrailAuditReport)}: {name}", today, _actor.ActorName);
        return await _requests.AskAsync(_db, document, cancellationToken);
    }
}
