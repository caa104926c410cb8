using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.History;

/// <summary>The latest changes to the admin's provider, its sites, its users and their site ties.</summary>
public sealed record RecentChangesQuery : IQuery<IReadOnlyList<ChangeVm>>;

internal sealed class RecentChangesHandler : IQueryHandler<RecentChangesQuery, IReadOnlyList<ChangeVm>>
{
    private const int Shown = 50;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public RecentChangesHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<IReadOnlyList<ChangeVm>> Handle(RecentChangesQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var siteIds = await _db.Sites.Where(s => s.ProviderId == providerId).Select(s => s.Id).ToListAsync(cancellationToken);
        var userIds = await _db.Users.Where(u => u.ProviderId == providerId).Select(u => u.Id).ToListAsync(cancellationToken);
        var assignmentIds = await _db.SiteAssignments.Where(a => siteIds.Contains(a.SiteId)).Select(a => a.Id).ToListAsync(cancellationToken);

        // Keys are stored as the JSON the change log writes, so they are matched the same way.
        var keys = new[] { KeyOf(providerId) }
            .Concat(siteIds.Select(KeyOf))
            .Concat(assignmentIds.Select(KeyOf))
            .Concat(userIds.Select(id => JsonSerializer.Serialize(new Dictionary<string, object> { ["Id"] = id })))
            .ToList();
        var entries = await _db.ChangeLog.AsNoTracking()
            .Where(e => keys.Contains(e.EntityKey))
            .OrderByDescending(e => e.Sequence)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        return await ChangeInWords.DescribeAsync(_db, entries, cancellationToken);
    }

    private static string KeyOf(Guid id) => JsonSerializer.Serialize(new Dictionary<string, object> { ["Id"] = id });
}
