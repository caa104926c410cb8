using System.Diagnostics.CodeAnalysis;
using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>
/// How a kind's rows arrive on its workbook sheet: how one row is read, what makes a row unique, and
/// how it becomes a record. The pack reader and the pack writer ask every kind the same way.
/// </summary>
public abstract class SheetRows
{
    /// <summary>The column a repeated row is reported at; the kind's reference column unless the key spans several.</summary>
    public string? KeyColumn { get; init; }

    public abstract TResult Ask<TResult>(ISheetRowsQuery<TResult> query);
}

/// <summary>A question asked the same way of every kind's rows, typed by the record and the row's details.</summary>
public interface ISheetRowsQuery<out TResult>
{
    TResult Records<TRecord, TDetails>(RecordRows<TRecord, TDetails> rows)
        where TRecord : SiteRecord;

    TResult Snapshot<TRecord, TDetails>(SnapshotRows<TRecord, TDetails> rows)
        where TRecord : Entity;
}

public abstract class SheetRows<TDetails> : SheetRows
{
    /// <summary>One row's details; each cell that is wrong is a problem at the row's cell.</summary>
    public required Func<IRowCells, TDetails> Read { get; init; }

    /// <summary>What a row is unique by within its sheet.</summary>
    public required Func<TDetails, string> Key { get; init; }
}

/// <summary>Rows of records named by the site's own reference: a row updates the record it names, or adds one.</summary>
public sealed class RecordRows<TRecord, TDetails> : SheetRows<TDetails>
    where TRecord : SiteRecord
{
    /// <summary>The reference a row names its record by; its key unless several rows make one record (an audit's themes).</summary>
    public Func<TDetails, string>? Reference { get; init; }

    public required Func<Guid, TDetails, TRecord> Create { get; init; }

    /// <summary>Writes one row into its record, resolving what the row points to.</summary>
    public Action<TRecord, TDetails, IRowReferences>? Record { get; init; }

    /// <summary>Writes every row that names one record into it, for kinds whose record spans rows.</summary>
    public Action<TRecord, IReadOnlyList<TDetails>>? RecordAll { get; init; }

    /// <summary>
    /// The records a row takes something from through <see cref="IRowReferences.Find{TTarget}"/> (a decision, its
    /// meeting's day): their kind and the row's reference to them. Those of earlier packs are read in one query before any row is written.
    /// </summary>
    public (RecordKind Kind, Func<TDetails, string?> Reference)? Reads { get; init; }

    /// <summary>What every row of one record must repeat alike, and how a problem names it when a row does not.</summary>
    public (Func<TDetails, object> Shared, string Named)? SameOnEachRow { get; init; }

    public string ReferenceOf(TDetails details) => (Reference ?? Key)(details);

    public override TResult Ask<TResult>(ISheetRowsQuery<TResult> query) => query.Records(this);
}

/// <summary>Rows that together are the site's snapshot for the pack month: sent whole, replaced whole.</summary>
public sealed class SnapshotRows<TRecord, TDetails> : SheetRows<TDetails>
    where TRecord : Entity
{
    /// <summary>How a warning names the whole snapshot: "training matrix".</summary>
    public required string Noun { get; init; }

    /// <summary>A record of the snapshot from its site, its month's first day and a row.</summary>
    public required Func<Guid, DateOnly, TDetails, TRecord> Create { get; init; }

    public required Func<TRecord, TDetails> DetailsOf { get; init; }

    public override TResult Ask<TResult>(ISheetRowsQuery<TResult> query) => query.Snapshot(this);
}

/// <summary>The cells of one workbook row, typed; a wrong or missing value is a problem at its cell, named in plain English.</summary>
public interface IRowCells
{
    /// <summary>Whether any cell of the row had a problem, so checks across cells are not piled on top.</summary>
    bool Failed { get; }

    void Problem(string column, string message);

    string? Text(string column, bool required = false);

    string RequiredText(string column);

    [SuppressMessage("Naming", "CA1716", Justification = "A cell holds a date; the portal has no Visual Basic callers for whom Date is a keyword.")]
    DateOnly? Date(string column, bool required = false);

    DateOnly RequiredDate(string column);

    T? Choice<T>(string column, bool required = false)
        where T : struct, Enum;

    T RequiredChoice<T>(string column)
        where T : struct, Enum;

    bool? YesNo(string column, bool required = false);

    bool RequiredYesNo(string column);

    double? Number(string column, bool required = false, double min = 0, double max = double.MaxValue);

    int? Count(string column, bool required = false);

    int RequiredCount(string column);

    /// <summary>A list of <c>Sheet:Ref</c> citations, each checked for its form; whether they name records is checked later.</summary>
    string? EvidenceRefs(string column);

    /// <summary>The values a choice column takes, as a problem lists them: "A, B or C".</summary>
    string Options<T>()
        where T : struct, Enum;
}

/// <summary>What one row points to, resolved among the site's records; a reference that names nothing is a problem at its cell.</summary>
public interface IRowReferences
{
    /// <summary>The id of the record a cell names, of the first of the kinds that has it; null when the cell is blank or names nothing.</summary>
    Guid? Id(string column, string? reference, params RecordKind[] kinds);

    /// <summary>As <see cref="Id"/>, with the kind the record was found as.</summary>
    RecordLink? Link(string column, string? reference, params RecordKind[] kinds);

    /// <summary>The record a cell names, of the kind its entry <see cref="RecordRows{TRecord, TDetails}.Reads"/>, for a row whose record takes something from it.</summary>
    TTarget? Find<TTarget>(string column, string? reference, RecordKind kind)
        where TTarget : SiteRecord;

    /// <summary>The records a list of <c>Sheet:Ref</c> citations names.</summary>
    IReadOnlyList<RecordLink> Evidence(string column, string? references);

    /// <summary>Makes the row's record cite exactly the evidence the cell lists.</summary>
    void CiteEvidence(string column, string? references);
}
