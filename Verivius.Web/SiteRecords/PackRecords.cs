using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// Writes a read workbook into a site's records, each kind as its catalogue entry says: each row updates
/// the record with its reference or adds one, then every reference is resolved to a real relation.
/// Nothing is saved here: what would change is returned, and a caller saves once, or clears the tracker when
/// <see cref="RecordIndex"/> reported errors.
/// </summary>
internal sealed class PackRecords
{
    private readonly VeriviusDbContext _db;
    private readonly Guid _siteId;
    private readonly RecordIndex _index;

    public PackRecords(VeriviusDbContext db, Guid siteId, RecordIndex index)
    {
        _db = db;
        _siteId = siteId;
        _index = index;
    }

    /// <summary>What one sheet's rows became, waiting for every other sheet's records before it resolves references.</summary>
    private interface IWrittenSheet
    {
        /// <summary>The records that cite evidence, whose current citations are loaded together before any is replaced.</summary>
        IEnumerable<Guid> CitingRecords { get; }

        void Record(ILookup<Guid, EvidenceLink> cited);

        /// <summary>What the sheet changes, asked once every sheet is recorded and the tracker has detected the changes.</summary>
        SheetChanges Changes();
    }

    public async Task<PackChanges> ApplyAsync(PackContent content, PackPeriod period, CancellationToken cancellationToken)
    {
        // First every record, new or existing, so that any row may point to any other.
        var sheets = new List<IWrittenSheet>();
        foreach (var entry in RecordCatalogue.All.Where(e => e.Rows is not null && content.Sent(e.Kind)))
        {
            sheets.Add(await entry.Rows!.Ask(new SheetWriter(this, entry, content, period, cancellationToken)));
        }

        // Then what each row says, with its references resolved.
        var cited = await EvidenceLinking.CurrentAsync(_db, [.. sheets.SelectMany(s => s.CitingRecords)], cancellationToken);
        sheets.ForEach(sheet => sheet.Record(cited));
        _db.ChangeTracker.DetectChanges();
        return new PackChanges([.. sheets.Select(s => s.Changes())]);
    }

    /// <summary>Finds or adds the records of one kind's sheet, typed by its entry.</summary>
    private sealed class SheetWriter : ISheetRowsQuery<Task<IWrittenSheet>>
    {
        private readonly PackRecords _owner;
        private readonly RecordKindEntry _entry;
        private readonly PackContent _content;
        private readonly PackPeriod _period;
        private readonly CancellationToken _cancellationToken;

        public SheetWriter(PackRecords owner, RecordKindEntry entry, PackContent content, PackPeriod period, CancellationToken cancellationToken)
        {
            _owner = owner;
            _entry = entry;
            _content = content;
            _period = period;
            _cancellationToken = cancellationToken;
        }

        public async Task<IWrittenSheet> Records<TRecord, TDetails>(RecordRows<TRecord, TDetails> rows)
            where TRecord : SiteRecord
        {
            var index = _owner._index;
            var kind = _entry.Kind;
            var groups = _content.Rows<TDetails>(kind).GroupBy(r => rows.ReferenceOf(r.Details), StringComparer.OrdinalIgnoreCase).ToList();
            var ids = groups.Select(g => index.Find(kind, g.Key)).OfType<Guid>().ToList();
            var existing = await _owner._db.Set<TRecord>().Where(r => r.SiteId == _owner._siteId && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, _cancellationToken);
            var written = new List<(IReadOnlyList<Parsed<TDetails>> Rows, TRecord Record)>();
            foreach (var group in groups)
            {
                var record = index.Find(kind, group.Key) is { } id && existing.TryGetValue(id, out var found) ? found : null;
                if (record is null)
                {
                    record = rows.Create(_owner._siteId, group.First().Details);
                    _owner._db.Add(record);
                    index.Add(kind, record.Ref, record.Id);
                }

                written.Add((group.ToList(), record));
            }

            if (rows.Reads is var (readKind, reference))
            {
                var named = groups.SelectMany(g => g).Select(r => reference(r.Details)).OfType<string>().Select(r => index.Find(readKind, r)).OfType<Guid>().Distinct().ToList();
                await ((SiteRecordKind)RecordCatalogue.Of(readKind)).Ask(new TrackRecords(_owner, named, _cancellationToken));
            }

            return new WrittenRecords<TRecord, TDetails>(_owner, _entry.Sheet!.Name, rows, written, _entry is SiteRecordKind { CitesEvidence: true });
        }

        public async Task<IWrittenSheet> Snapshot<TRecord, TDetails>(SnapshotRows<TRecord, TDetails> rows)
            where TRecord : Entity
        {
            var month = await _owner._db.Set<TRecord>()
                .Where(r => EF.Property<Guid>(r, "SiteId") == _owner._siteId && EF.Property<DateOnly>(r, "Period") == _period.FirstDay)
                .ToListAsync(_cancellationToken);
            return new WrittenSnapshot<TRecord, TDetails>(_owner, _entry.Sheet!.Name, rows, month, _content.Rows<TDetails>(_entry.Kind).Select(r => r.Details).ToList(), _period);
        }
    }

    /// <summary>Reads the named records of one kind into the tracker in one query, so that rows can take what they need from them.</summary>
    private sealed class TrackRecords : ISiteRecordQuery<Task>
    {
        private readonly PackRecords _owner;
        private readonly List<Guid> _ids;
        private readonly CancellationToken _cancellationToken;

        public TrackRecords(PackRecords owner, List<Guid> ids, CancellationToken cancellationToken)
        {
            _owner = owner;
            _ids = ids;
            _cancellationToken = cancellationToken;
        }

        public Task Ask<TRecord>(SiteRecordKind<TRecord> kind)
            where TRecord : SiteRecord =>
            _owner._db.Set<TRecord>().Where(r => r.SiteId == _owner._siteId && _ids.Contains(r.Id)).LoadAsync(_cancellationToken);
    }

    private sealed class WrittenRecords<TRecord, TDetails> : IWrittenSheet
        where TRecord : SiteRecord
    {
        private readonly PackRecords _owner;
        private readonly string _sheet;
        private readonly RecordRows<TRecord, TDetails> _rows;
        private readonly List<(IReadOnlyList<Parsed<TDetails>> Rows, TRecord Record)> _written;
        private readonly bool _citesEvidence;

        public WrittenRecords(PackRecords owner, string sheet, RecordRows<TRecord, TDetails> rows, List<(IReadOnlyList<Parsed<TDetails>> Rows, TRecord Record)> written, bool citesEvidence)
        {
            _owner = owner;
            _sheet = sheet;
            _rows = rows;
            _written = written;
            _citesEvidence = citesEvidence;
        }

        public IEnumerable<Guid> CitingRecords => _citesEvidence ? _written.Select(w => w.Record.Id) : [];

        public void Record(ILookup<Guid, EvidenceLink> cited)
        {
            foreach (var (rows, record) in _written)
            {
                if (_rows.RecordAll is { } recordAll)
                {
                    recordAll(record, [.. rows.Select(r => r.Details)]);
                }
                else
                {
                    var row = rows.Single();
                    _rows.Record!(record, row.Details, new RowReferences<TDetails>(_owner, row, new RecordLink(record.Kind, record.Id), cited[record.Id]));
                }
            }
        }

        /// <summary>
        /// Read from the tracker: a record is new, or changed in the columns its details hold, or in the rows it
        /// owns (an audit's themes, which it replaces whole when any differs).
        /// </summary>
        public SheetChanges Changes()
        {
            var added = new List<string>();
            var changed = new List<RowChange>();
            foreach (var (_, record) in _written)
            {
                var entry = _owner._db.Entry(record);
                if (entry.State == EntityState.Added)
                {
                    added.Add(record.Ref);
                    continue;
                }

                var columns = entry.ComplexProperties.SelectMany(c => c.Properties).Where(p => p.IsModified).Select(p => p.Metadata.Name)
                    .Concat(entry.Collections.Where(c => c.CurrentValue!.Cast<object>().Any(o => _owner._db.Entry(o).State == EntityState.Added)).Select(c => c.Metadata.Name))
                    .ToList();
                if (columns.Count > 0)
                {
                    changed.Add(new RowChange(record.Ref, columns));
                }
            }

            return new SheetChanges(_sheet, added, changed, []);
        }
    }

    /// <summary>
    /// A month's snapshot as it stands and as the workbook sends it. Rows are matched by their key: a row sent
    /// again as it is stays, one that differs is replaced, one no longer sent goes, and a new one is added.
    /// </summary>
    private sealed class WrittenSnapshot<TRecord, TDetails> : IWrittenSheet
        where TRecord : Entity
    {
        private readonly PackRecords _owner;
        private readonly string _sheet;
        private readonly SnapshotRows<TRecord, TDetails> _rows;
        private readonly List<TRecord> _month;
        private readonly List<TDetails> _incoming;
        private readonly PackPeriod _period;
        private SheetChanges? _changes;

        public WrittenSnapshot(PackRecords owner, string sheet, SnapshotRows<TRecord, TDetails> rows, List<TRecord> month, List<TDetails> incoming, PackPeriod period)
        {
            _owner = owner;
            _sheet = sheet;
            _rows = rows;
            _month = month;
            _incoming = incoming;
            _period = period;
        }

        public IEnumerable<Guid> CitingRecords => [];

        public void Record(ILookup<Guid, EvidenceLink> cited)
        {
            // The reader refuses a sheet with a key twice; a month saved before it did keeps its first row.
            var held = _month.GroupBy(r => _rows.Key(_rows.DetailsOf(r)), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            var added = new List<string>();
            var changed = new List<RowChange>();
            foreach (var details in _incoming)
            {
                var key = _rows.Key(details);
                if (!held.Remove(key, out var records))
                {
                    added.Add(Shown(key));
                }
                else if (!Equals(_rows.DetailsOf(records[0]), details) || records.Count > 1)
                {
                    changed.Add(new RowChange(Shown(key), ColumnsThatDiffer(_rows.DetailsOf(records[0]), details)));
                    _owner._db.RemoveRange(records);
                }
                else
                {
                    continue;
                }

                _owner._db.Add(_rows.Create(_owner._siteId, _period.FirstDay, details));
            }

            _owner._db.RemoveRange(held.Values.SelectMany(r => r));
            _changes = new SheetChanges(_sheet, added, changed, [.. held.Keys.Select(Shown)]);
        }

        public SheetChanges Changes() => _changes!;

        private static string Shown(string key) => key.Replace("\n", ", ", StringComparison.Ordinal);

        /// <summary>The row's columns that differ: a snapshot row's details are named as its columns are.</summary>
        private static List<string> ColumnsThatDiffer(TDetails held, TDetails sent) =>
            [.. typeof(TDetails).GetProperties().Where(p => !Equals(p.GetValue(held), p.GetValue(sent))).Select(p => p.Name)];
    }

    /// <summary>One row's references, resolved through the index, with problems at the row's cells.</summary>
    private sealed class RowReferences<TDetails> : IRowReferences
    {
        private readonly PackRecords _owner;
        private readonly Parsed<TDetails> _row;
        private readonly RecordLink _record;
        private readonly IEnumerable<EvidenceLink> _cited;

        public RowReferences(PackRecords owner, Parsed<TDetails> row, RecordLink record, IEnumerable<EvidenceLink> cited)
        {
            _owner = owner;
            _row = row;
            _record = record;
            _cited = cited;
        }

        public Guid? Id(string column, string? reference, params RecordKind[] kinds) => Link(column, reference, kinds)?.RecordId;

        public RecordLink? Link(string column, string? reference, params RecordKind[] kinds) =>
            kinds.Length == 0 ? null : _owner._index.Resolve(_row, column, reference, kinds);

        /// <summary>Served from the tracker: a record of this workbook is there already, and one of an earlier pack was read with its sheet's <c>Reads</c>.</summary>
        public TTarget? Find<TTarget>(string column, string? reference, RecordKind kind)
            where TTarget : SiteRecord =>
            Id(column, reference, kind) is { } id ? _owner._db.Find<TTarget>(id) : null;

        public IReadOnlyList<RecordLink> Evidence(string column, string? references) =>
            [.. _owner._index.ResolveEvidence(_row, column, references).Select(e => e.Link)];

        public void CiteEvidence(string column, string? references) =>
            EvidenceLinking.Replace(_owner._db, _owner._siteId, _record, _cited, _owner._index.ResolveEvidence(_row, column, references));
    }
}
