namespace Verivius.Domain.Evidence;

/// <summary>
/// A row of a record a pack sends whole each month (the training matrix, the supervision list): each month's rows are
/// kept, and a site's newest month by a day is its current record on that day.
/// </summary>
public interface IMonthlySnapshot
{
    Guid SiteId { get; }

    /// <summary>The first day of the pack month the snapshot is as of.</summary>
    DateOnly Period { get; }
}
