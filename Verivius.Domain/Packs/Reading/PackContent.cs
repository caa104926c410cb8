using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>Everything a valid workbook says, typed, with each row's place kept for later checks.</summary>
public sealed class PackContent
{
    private readonly IReadOnlyDictionary<RecordKind, object> _rows;

    /// <param name="rows">Per kind whose sheet was sent, its rows as <c>IReadOnlyList&lt;Parsed&lt;TDetails&gt;&gt;</c>.</param>
    internal PackContent(IReadOnlyDictionary<RecordKind, object> rows) => _rows = rows;

    public required string SiteCode { get; init; }

    public required PackPeriod Period { get; init; }

    public required string PreparedBy { get; init; }

    public DateOnly? PreparedOn { get; init; }

    /// <summary>Data rows read per sheet present in the workbook.</summary>
    public required IReadOnlyDictionary<string, int> RowCounts { get; init; }

    /// <summary>
    /// Whether the workbook sent the kind's sheet. A snapshot sheet sent with its header only counts as
    /// not sent, so the month keeps the snapshot it has.
    /// </summary>
    public bool Sent(RecordKind kind) => _rows.ContainsKey(kind);

    /// <summary>The kind's rows as its sheet had them, typed as its catalogue entry reads them; none when the sheet was not sent.</summary>
    public IReadOnlyList<Parsed<TDetails>> Rows<TDetails>(RecordKind kind) =>
        _rows.TryGetValue(kind, out var rows) ? (IReadOnlyList<Parsed<TDetails>>)rows : [];
}

/// <summary>What reading a workbook found: its content if there was no error, and every error and warning.</summary>
public sealed record PackReadResult(PackContent? Content, IReadOnlyList<PackIssue> Errors, IReadOnlyList<PackIssue> Warnings)
{
    public bool Succeeded => Errors.Count == 0 && Content is not null;
}
