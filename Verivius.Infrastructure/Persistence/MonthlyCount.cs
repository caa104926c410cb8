namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// One site's month of one counted series (<see cref="SiteMonthCounting"/>): a count or a sum, and for a
/// share the part of it that counts, or one member of staff's row. Every series shares the shape so
/// that they all come in one command; hours are fractional, so counts are carried as numbers too.
/// </summary>
internal sealed class MonthlyCount
{
    public string Series { get; init; } = "";

    public Guid SiteId { get; init; }

    public int Year { get; init; }

    public int Month { get; init; }

    public double Count { get; init; }

    public double Part { get; init; }

    /// <summary>A day the series carries per row, where a count is not enough (a member of staff's first course expiry).</summary>
    public DateOnly? Day { get; init; }
}
