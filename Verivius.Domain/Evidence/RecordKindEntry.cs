using System.Linq.Expressions;
using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>
/// One kind of record, described once: where the workbook carries it, what its rows are called, how
/// other rows refer to it, and how the portal lists it. <see cref="RecordCatalogue"/> holds them all.
/// </summary>
public abstract class RecordKindEntry
{
    public required RecordKind Kind { get; init; }

    /// <summary>The plural a page or a document heads its list with: "Inspection findings".</summary>
    public required string Title { get; init; }

    /// <summary>One record of the kind, as a label: "Finding".</summary>
    public required string Singular { get; init; }

    /// <summary>The workbook sheet the kind arrives on; null for attachments, which arrive as files.</summary>
    public SheetSpec? Sheet { get; init; }

    /// <summary>The column whose value names a record, unique within the sheet and stable across months.</summary>
    public string? ReferenceColumn { get; init; }

    /// <summary>How a problem names a reference of this kind: "an ActionRef".</summary>
    public string ReferenceNoun { get; init; } = "";

    /// <summary>Whether an EvidenceRefs cell may cite a row of this kind as <c>Sheet:Ref</c>.</summary>
    public bool Citable { get; init; }

    /// <summary>Whether a list row's summary is built from choices (an incident's category and severity) rather than typed.</summary>
    public bool SummaryNamesChoices { get; init; }

    /// <summary>A list row's summary as a person reads it: choices as words, typed text as typed.</summary>
    public string SummaryInWords(string summary) => SummaryNamesChoices ? PlainWords.OfEach(summary) : summary;

    /// <summary>The evidence categories a record of this kind can fall in; a record's own category is on <see cref="IEvidence"/>.</summary>
    public IReadOnlyList<EvidenceCategory> Categories { get; init; } = [];

    /// <summary>How the kind's rows are read from its sheet and written into records; null for kinds that arrive as files.</summary>
    public SheetRows? Rows { get; init; }

    public abstract Type RecordType { get; }
}

/// <summary>A kind each pack sends whole for its month (training, supervision): kept per month, never named one by one.</summary>
public sealed class SnapshotKind<TRecord> : RecordKindEntry
    where TRecord : IEvidence
{
    public override Type RecordType => typeof(TRecord);
}

/// <summary>A kind whose records are named by a reference of the site's own, so the portal can list, show and link them.</summary>
public abstract class SiteRecordKind : RecordKindEntry
{
    /// <summary>The segment of the record pages' address: <c>/sites/{code}/records/{slug}</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>Whether the kind cites evidence through EvidenceRefs (its links are <see cref="EvidenceLink"/> rows).</summary>
    public bool CitesEvidence { get; init; }

    /// <summary>Runs a query typed by the kind's record class, so that callers need no switch over kinds.</summary>
    public abstract TResult Ask<TResult>(ISiteRecordQuery<TResult> query);
}

/// <summary>A question that is asked the same way of every kind of site record, typed by the record class.</summary>
public interface ISiteRecordQuery<out TResult>
{
    TResult Ask<TRecord>(SiteRecordKind<TRecord> kind)
        where TRecord : SiteRecord;
}

public sealed class SiteRecordKind<TRecord> : SiteRecordKind
    where TRecord : SiteRecord
{
    public override Type RecordType => typeof(TRecord);

    /// <summary>The record's evidence date as the database can compute it; null for kinds that are not evidence of a day.</summary>
    public Expression<Func<TRecord, DateOnly>>? EvidenceDate { get; init; }

    /// <summary>What a list of the kind shows for one record, as the database can compute it.</summary>
    public required Expression<Func<TRecord, RecordListRow>> ListRow { get; init; }

    /// <summary>The records one of this kind points to, each with the relation said both ways.</summary>
    public IReadOnlyList<RecordRelation<TRecord>> Links { get; init; } = [];

    public override TResult Ask<TResult>(ISiteRecordQuery<TResult> query) => query.Ask(this);
}

/// <summary>
/// A pointer from a record to another: "Action" from an incident, read back from the action as "Carried
/// out for". A pointer whose target kind varies by row (an action's source) names it through <see cref="TargetOf"/>.
/// </summary>
public sealed class RecordRelation<TRecord>
    where TRecord : SiteRecord
{
    private Func<TRecord, Guid?>? _compiled;

    public RecordRelation(string relation, RecordKind target, Expression<Func<TRecord, Guid?>> id, string? inverse = null)
    {
        Relation = relation;
        Target = target;
        Id = id;
        Inverse = inverse;
    }

    public string Relation { get; }

    /// <summary>How the target says the relation back; null when the target's page does not show it.</summary>
    public string? Inverse { get; }

    public RecordKind Target { get; }

    public Expression<Func<TRecord, Guid?>> Id { get; }

    public Func<TRecord, RecordKind?>? TargetOf { get; init; }

    public Guid? IdOf(TRecord record) => (_compiled ??= Id.Compile())(record);

    public RecordKind TargetKindOf(TRecord record) => TargetOf?.Invoke(record) ?? Target;
}
