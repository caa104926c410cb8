using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>
/// Reads one kind's sheet as its catalogue entry describes it: the rows as a typed list, or null when
/// the sheet was not sent (and a snapshot sheet with its header only is not sent).
/// </summary>
internal sealed class SheetOfKind : ISheetRowsQuery<object?>
{
    private readonly SheetReading _reading;
    private readonly RecordKindEntry _entry;

    public SheetOfKind(SheetReading reading, RecordKindEntry entry)
    {
        _reading = reading;
        _entry = entry;
    }

    private string Sheet => _entry.Sheet!.Name;

    public object? Records<TRecord, TDetails>(RecordRows<TRecord, TDetails> rows)
        where TRecord : SiteRecord
    {
        var read = Read(rows);
        if (read is not null && rows.SameOnEachRow is var (shared, named))
        {
            CheckRowsAgree(read, rows, shared, named);
        }

        return read;
    }

    /// <summary>
    /// A snapshot sheet with its header and no rows is read as not sent (format v2): a manager who
    /// leaves the matrix blank rather than re-key it means "no change", and an upload never empties a
    /// snapshot, so the month keeps the one it has, and the warning says so.
    /// </summary>
    public object? Snapshot<TRecord, TDetails>(SnapshotRows<TRecord, TDetails> rows)
        where TRecord : Entity
    {
        var read = Read(rows);
        if (read is not { Count: 0 } || _reading.RowCounts.GetValueOrDefault(Sheet) > 0 || _reading.Errors.Any(e => PackReader.Same(e.Sheet, Sheet)))
        {
            return read;
        }

        _reading.Warnings.Add(new PackIssue(Sheet, null,
            $"the sheet has its header but no rows, so it was read as not sent: the month keeps the {rows.Noun} it already has, if any. An upload never empties a {rows.Noun}; to change it, send every row as it should stand"));
        return null;
    }

    private List<Parsed<TDetails>>? Read<TDetails>(SheetRows<TDetails> rows) =>
        _reading.Read(Sheet, rows.Read, rows.Key, rows.KeyColumn ?? _entry.ReferenceColumn!);

    /// <summary>Rows that make one record (an audit's themes) repeat its headline, which must agree on each of them.</summary>
    private void CheckRowsAgree<TRecord, TDetails>(List<Parsed<TDetails>> read, RecordRows<TRecord, TDetails> rows, Func<TDetails, object> shared, string named)
        where TRecord : SiteRecord
    {
        foreach (var record in read.GroupBy(r => rows.ReferenceOf(r.Details), StringComparer.OrdinalIgnoreCase))
        {
            var first = record.First();
            foreach (var other in record.Skip(1).Where(o => !Equals(shared(o.Details), shared(first.Details))))
            {
                _reading.Errors.Add(new PackIssue(other.Layout.Sheet, other.CellOf(_entry.ReferenceColumn!),
                    $"{_entry.Singular.ToLowerInvariant()} {rows.ReferenceOf(first.Details)} has a different {named} here than on row {first.Row}; they must be the same on each of its rows"));
            }
        }
    }
}
