using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Records;

/// <summary>One kind of a site's records, filtered, sorted and a page at a time, projected in SQL.</summary>
public sealed record ListRecordsQuery(string SiteCode, string Kind, ListRequest Request) : IQuery<RecordListVm>;

public sealed record RecordListVm(string SiteCode, string SiteName, SiteRecordKind Kind, Page<RecordListRow> Records);

internal sealed class ListRecordsHandler : IQueryHandler<ListRecordsQuery, RecordListVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ListRecordsHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<RecordListVm> Handle(ListRecordsQuery query, CancellationToken cancellationToken)
    {
        var kind = RecordCatalogue.BySlug(query.Kind) ?? throw new NotFoundException($"No kind of record called {query.Kind}.");
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var name = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var rows = kind.ListRows(_db, site.SiteId);
        if (query.Request.SafeFilter is { } filter)
        {
            rows = rows.Where(r => r.Ref.Contains(filter) || r.Summary.Contains(filter) || (r.Status != null && r.Status.Contains(filter)));
        }

        rows = (query.Request.Sort, query.Request.Descending) switch
        {
            ("ref", false) => rows.OrderBy(r => r.Ref),
            ("ref", true) => rows.OrderByDescending(r => r.Ref),
            ("status", false) => rows.OrderBy(r => r.Status).ThenByDescending(r => r.Date),
            ("status", true) => rows.OrderByDescending(r => r.Status).ThenByDescending(r => r.Date),
            ("date", false) => rows.OrderBy(r => r.Date).ThenBy(r => r.Ref),
            _ => rows.OrderByDescending(r => r.Date).ThenBy(r => r.Ref),
        };
        return new RecordListVm(query.SiteCode, name, kind, await rows.ToPageAsync(query.Request, cancellationToken));
    }
}
