namespace Verivius.Web.SiteRecords;

/// <summary>What a workbook changes in a site's records, sheet by sheet, before anything is saved.</summary>
public sealed record PackChanges(IReadOnlyList<SheetChanges> Sheets)
{
    public bool ChangesNothing => Sheets.All(s => s.ChangesNothing);

    /// <summary>Whether a snapshot sheet drops rows the month holds: the change a person must agree to.</summary>
    public bool RemovesRows => Sheets.Any(s => s.Removed.Count > 0);
}

/// <param name="Sheet">The workbook sheet, as its tab is named.</param>
/// <param name="Added">The references (a snapshot's keys) of rows that would be new.</param>
/// <param name="Changed">The rows that would change, each with the columns whose value differs.</param>
/// <param name="Removed">A snapshot's rows the month holds and the workbook no longer sends.</param>
public sealed record SheetChanges(string Sheet, IReadOnlyList<string> Added, IReadOnlyList<RowChange> Changed, IReadOnlyList<string> Removed)
{
    public bool ChangesNothing => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}

/// <param name="Row">The row's reference, or a snapshot row's key columns joined: "ST-04, Moving and handling".</param>
/// <param name="Columns">The sheet columns whose value would change.</param>
public sealed record RowChange(string Row, IReadOnlyList<string> Columns)
{
    /// <summary>"ST-04, Moving and handling (ExpiresOn, PlannedOn)".</summary>
    public override string ToString() => $"{Row} ({string.Join(", ", Columns)})";
}
