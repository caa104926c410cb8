using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The questions every page asks of any kind of site record, each written once against the catalogue's
/// description of a kind and run in SQL, so that no page needs a switch over the kinds.
/// </summary>
internal static class SiteRecordQueries
{
    /// <summary>A site's records of one kind as its list shows them.</summary>
    public static IQueryable<RecordListRow> ListRows(this SiteRecordKind kind, VeriviusDbContext db, Guid siteId) => kind.Ask(new ListRowsQuery(db, siteId));

    /// <summary>The record a site names by a reference, untracked, or null.</summary>
    public static Task<SiteRecord?> FindAsync(this SiteRecordKind kind, VeriviusDbContext db, Guid siteId, string reference, CancellationToken cancellationToken) =>
        kind.Ask(new FindQuery(db, siteId, reference, cancellationToken));

    /// <summary>The reference of the record with an id, or null when there is none.</summary>
    public static Task<string?> RefOfAsync(this SiteRecordKind kind, VeriviusDbContext db, Guid id, CancellationToken cancellationToken) =>
        kind.Ask(new RefOfQuery(db, id, cancellationToken));

    /// <summary>Every reference of a site's records of one kind, with the record's id.</summary>
    public static Task<List<(string Ref, Guid Id)>> RefsAsync(this SiteRecordKind kind, VeriviusDbContext db, Guid siteId, CancellationToken cancellationToken) =>
        kind.Ask(new RefsQuery(db, siteId, cancellationToken));

    /// <summary>The evidence date of each record named; empty for kinds that are not evidence of a day.</summary>
    public static Task<Dictionary<Guid, DateOnly>> EvidenceDatesAsync(this SiteRecordKind kind, VeriviusDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        kind.Ask(new EvidenceDatesQuery(db, ids, cancellationToken));

    /// <summary>The relations a record states, each as (relation, kind pointed to, id pointed to).</summary>
    public static IEnumerable<(string Relation, RecordKind Kind, Guid Id)> LinksOf(this SiteRecordKind kind, SiteRecord record) => kind.Ask(new LinksOfQuery(record));

    /// <summary>The records of one kind that point to a record, each as (relation said back, that kind, its id).</summary>
    public static Task<List<(string Relation, RecordKind Kind, Guid Id)>> PointingToAsync(this SiteRecordKind kind, VeriviusDbContext db, RecordKind target, Guid id, CancellationToken cancellationToken) =>
        kind.Ask(new PointingToQuery(db, target, id, cancellationToken));

    private sealed record ListRowsQuery(VeriviusDbContext Db, Guid SiteId) : ISiteRecordQuery<IQueryable<RecordListRow>>
    {
        public IQueryable<RecordListRow> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord => Db.Set<TRecord>().Where(r => r.SiteId == SiteId).Select(kind.ListRow);
    }

    private sealed record FindQuery(VeriviusDbContext Db, Guid SiteId, string Reference, CancellationToken CancellationToken) : ISiteRecordQuery<Task<SiteRecord?>>
    {
        public async Task<SiteRecord?> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord => await Db.Set<TRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == SiteId && r.Ref == Reference, CancellationToken);
    }

    private sealed record RefOfQuery(VeriviusDbContext Db, Guid Id, CancellationToken CancellationToken) : ISiteRecordQuery<Task<string?>>
    {
        public Task<string?> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord => Db.Set<TRecord>().Where(r => r.Id == Id).Select(r => (string?)r.Ref).FirstOrDefaultAsync(CancellationToken);
    }

    private sealed record RefsQuery(VeriviusDbContext Db, Guid SiteId, CancellationToken CancellationToken) : ISiteRecordQuery<Task<List<(string, Guid)>>>
    {
        public async Task<List<(string, Guid)>> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord =>
            (await Db.Set<TRecord>().AsNoTracking().Where(r => r.SiteId == SiteId).Select(r => new { r.Ref, r.Id }).ToListAsync(CancellationToken)).ConvertAll(r => (r.Ref, r.Id));
    }

    private sealed record EvidenceDatesQuery(VeriviusDbContext Db, IReadOnlyCollection<Guid> Ids, CancellationToken CancellationToken) : ISiteRecordQuery<Task<Dictionary<Guid, DateOnly>>>
    {
        public async Task<Dictionary<Guid, DateOnly>> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord
        {
            if (kind.EvidenceDate is not { } date)
            {
                return [];
            }

            var ids = Ids.ToList();
            var record = date.Parameters[0];
            var dated = Expression.Lambda<Func<TRecord, DatedRecord>>(
                Expression.MemberInit(
                    Expression.New(typeof(DatedRecord)),
                    Expression.Bind(typeof(DatedRecord).GetProperty(nameof(DatedRecord.Id))!, Expression.Property(record, nameof(SiteRecord.Id))),
                    Expression.Bind(typeof(DatedRecord).GetProperty(nameof(DatedRecord.Date))!, date.Body)),
                record);
            return await Db.Set<TRecord>().Where(r => ids.Contains(r.Id)).Select(dated).ToDictionaryAsync(r => r.Id, r => r.Date, CancellationToken);
        }
    }

    private sealed record LinksOfQuery(SiteRecord Record) : ISiteRecordQuery<IEnumerable<(string, RecordKind, Guid)>>
    {
        public IEnumerable<(string, RecordKind, Guid)> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord
        {
            var record = (TRecord)Record;
            return kind.Links.Select(link => (link.Relation, link.TargetKindOf(record), link.IdOf(record))).Where(l => l.Item3 is not null).Select(l => (l.Relation, l.Item2, l.Item3!.Value));
        }
    }

    private sealed record PointingToQuery(VeriviusDbContext Db, RecordKind Target, Guid TargetId, CancellationToken CancellationToken)
        : ISiteRecordQuery<Task<List<(string, RecordKind, Guid)>>>
    {
        public async Task<List<(string, RecordKind, Guid)>> Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord
        {
            var found = new List<(string, RecordKind, Guid)>();
            foreach (var link in kind.Links.Where(l => l.Inverse is not null && l.Target == Target && l.TargetOf is null))
            {
                var pointsHere = Expression.Lambda<Func<TRecord, bool>>(Expression.Equal(link.Id.Body, Expression.Property(Expression.Constant(this), nameof(TargetKey))), link.Id.Parameters);
                var ids = await Db.Set<TRecord>().Where(pointsHere).Select(r => r.Id).ToListAsync(CancellationToken);
                found.AddRange(ids.Select(id => (link.Inverse!, kind.Kind, id)));
            }

            return found;
        }

        /// <summary>The target's id as the link columns hold it, read through a property so that SQL gets a parameter.</summary>
        public Guid? TargetKey => TargetId;
    }

    private sealed class DatedRecord
    {
        public Guid Id { get; init; }

        public DateOnly Date { get; init; }
    }
}
