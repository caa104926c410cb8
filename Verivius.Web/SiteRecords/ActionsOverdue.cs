using Verivius.Domain.Evidence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// What makes an action overdue as at a day, written once for the figures every view and document shows (<see cref="SiteFigures"/>)
/// and for the board pack's appendix that lists them: past its due date, and not closed by the day.
/// </summary>
/// <remarks>
/// Two parts, each read from an index of its own: the actions still open, and the few closed after the day. Asked as one
/// condition joined by "or", the database read every action the sites ever had, so the count grew with the years kept.
/// </remarks>
internal static class ActionsOverdue
{
    public static (IQueryable<ImprovementAction> StillOpen, IQueryable<ImprovementAction> ClosedSince) On(IQueryable<ImprovementAction> actions, DateOnly day)
    {
        var dueBefore = actions.Where(a => a.Details.DueOn < day);
        return (
            dueBefore.Where(a => a.Details.Status == ActionStatus.Open || a.Details.Status == ActionStatus.InProgress),
            dueBefore.Where(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn > day));
    }
}
