namespace Verivius.Web.SiteRecords;

/// <summary>
/// One month of one counted series, for one site or (with an empty site) a set of them: a count, and
/// for a rate the part of it that counts, or one member of staff's row. The trends and the workforce figures share the shape so
/// that a view can read both in one command.
/// </summary>
internal sealed class MonthlyCount
{
    public string Series { get; init; } = "";

    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public int Month { get; init; }

    public int Count { get; init; }

    public int Part { get; init; }

    /// <summary>A day the series carries per row, where a count is not enough (a member of staff's first course expiry).</summary>
    public DateOnly? Day { get; init; }

    public double? Share => Count > 0 ? 100.0 * Part / Count : null;
}
