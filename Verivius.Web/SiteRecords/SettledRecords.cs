using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The records a judgement of the days from its as-of day on need not read, because no rule of the catalogue
/// can find anything about them, or count them, on any of those days. A site keeps every month it ever
/// reported, but what the rules read of a month more than a year old is only what is still unresolved in it:
/// a notification or duty of candour, an incident of moderate harm or worse without its action, a complaint
/// whose learning has not reached the care plan in time, negative feedback not answered in time, each type's latest
/// audits, an action open or closed without its outcome or evidence, a meeting without a decision, a decision without its
/// owner, review date or action, and every staffing week (the missed-care rule judges every month). Left out are the
/// records that are
/// <list type="bullet">
/// <item>more than twelve months older than the as-of day, so outside every window that counts records
/// (the evidence categories a self-assessment is weighed against, the lines of enquiry's coverage), which
/// only move forward from there;</item>
/// <item>cited by no assurance statement or recovery risk, so no claim's evidence;</item>
/// <item>of a kind and state that every rule reading their kind passes over, whatever the day.</item>
/// </list>
/// Which records are cited, and which the records already read name, reach the filters as lists of ids, each sent as
/// one parameter (<c>EF.Parameter</c>), since a batch's list can be longer than SQL Server's 2,100 parameters.
/// An evaluation of a day in the past (<c>--asof</c>) still reads everything. The year of simulated nights in
/// <c>IncrementalChallengeTests</c> compares runs that leave these records out with runs that read them all.
/// </summary>
internal static class SettledRecords
{
    /// <summary>
    /// Incidents the notification, duty-of-candour and no-action rules pass over: no notification owed, or one sent in time;
    /// candour not applying, or met in full (in person by the as-of day, with an apology, and in writing in time); and of no
    /// or low harm, or with the action it names raised by the as-of day.
    /// </summary>
    /// <remarks>
    /// The written follow-up is due a number of working days after the incident. One sent within as many calendar days is
    /// always in time, whatever the weekends and bank holidays, so that is the test here: it can only keep too much.
    /// </remarks>
    public static IQueryable<Incident> LeaveOutSettled(
        this IQueryable<Incident> incidents, VeriviusDbContext db, DateOnly asOf, ChallengeThresholds thresholds, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var citedIds = cited[RecordKind.Incidents].ToList();
        var notificationDays = thresholds.NotificationDays;
        var candourDays = thresholds.CandourWrittenWorkingDays;

        // Moderate harm or worse is written as "neither none nor low": the harm is stored by name, so SQL cannot compare its order.
        return incidents.Where(i => i.Details.OccurredOn > yearBefore
            || (i.Details.NotificationSentOn == null ? i.Details.CqcNotifiable : i.Details.NotificationSentOn > i.Details.OccurredOn.AddDays(notificationDays))
            || (i.Details.CandourApplies && !(i.Details.CandourInPersonOn <= asOf && i.Details.ApologyGiven == true && i.Details.CandourWrittenOn <= i.Details.OccurredOn.AddDays(candourDays)))
            || (i.Details.Severity != Severity.None && i.Details.Severity != Severity.Low && !db.Actions.Any(a => a.Id == i.ActionId && a.Details.RaisedOn <= asOf))
            || EF.Parameter(citedIds).Contains(i.Id));
    }

    /// <summary>
    /// Actions the closure, overdue, owner and missed-care rules pass over, and that no record still read needs: closed more
    /// than a year before, with an outcome and closure evidence; not its site's latest closure (the stalled-actions rule
    /// names its day); not about staffing (any staffing action closed after a month answers that month's missed care); and
    /// carrying out no decision, inspection finding or incident still read, whose rules look for their actions.
    /// </summary>
    /// <remarks>
    /// Outcomes are stored trimmed, or not at all, whether read from a pack or typed in the portal. A site's latest closure
    /// matters here only where it is more than a year old, as at a site whose actions stalled: the days of those closures
    /// are found first (<see cref="StalledSince"/>), in one query for the batch, and every action closed on one of them is
    /// read. The records that may name an action are read before it, so an old action costs a look-up in two lists of ids
    /// (the actions named or cited, and the incidents read) rather than a search of each kind that may name it.
    /// </remarks>
    public static IQueryable<ImprovementAction> LeaveOutSettled(
        this IQueryable<ImprovementAction> actions,
        DateOnly asOf,
        IReadOnlyCollection<DateOnly?> stalledSince,
        IEnumerable<MeetingDecision> decisionsRead,
        IEnumerable<InspectionFinding> findingsRead,
        IReadOnlyCollection<Incident> incidentsRead,
        ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var namedIds = decisionsRead.Select(d => d.ActionId).Concat(findingsRead.Select(f => f.ActionId)).Concat(incidentsRead.Select(i => i.ActionId))
            .OfType<Guid>().Concat(cited[RecordKind.Actions]).Distinct().ToList();
        var incidentIds = incidentsRead.Select(i => (Guid?)i.Id).ToList();
        return actions.Where(a => a.Details.Status != ActionStatus.Closed || a.Details.ClosedOn == null || a.Details.ClosedOn > yearBefore
            || string.IsNullOrWhiteSpace(a.Details.Outcome) || a.ClosureEvidenceId == null
            || a.Details.Area == AssuranceArea.Staffing
            || stalledSince.Contains(a.Details.ClosedOn)
            || a.SourceKind == RecordKind.Inspection
            || (a.SourceKind == RecordKind.Incidents && EF.Parameter(incidentIds).Contains(a.SourceRecordId))
            || EF.Parameter(namedIds).Contains(a.Id));
    }

    /// <summary>The latest closure of each site whose latest closure by the as-of day is more than a year old (its actions stalled).</summary>
    public static IQueryable<DateOnly?> StalledSince(this IQueryable<ImprovementAction> actions, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);
        return actions
            .Where(a => a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn <= asOf && a.Details.RaisedOn <= asOf)
            .GroupBy(a => a.SiteId)
            .Select(site => site.Max(a => a.Details.ClosedOn))
            .Where(latest => latest <= yearBefore);
    }

    /// <summary>
    /// Meetings the minutes and meeting-gap rules pass over: held before the year the gap rule looks back over, and either not
    /// overseeing the service, or with a decision recorded and a later oversight meeting also held before
    /// that year (the newest of them is read: the first gap in the year is measured from it).
    /// </summary>
    /// <remarks>
    /// Those newest meetings' days are found first (<see cref="LastOversightBeforeTheYear"/>), in one query for the batch, and
    /// every oversight meeting held on one of them is read.
    /// </remarks>
    public static IQueryable<GovernanceMeeting> LeaveOutSettled(
        this IQueryable<GovernanceMeeting> meetings, VeriviusDbContext db, DateOnly asOf, IReadOnlyCollection<DateOnly> lastBeforeTheYear, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var citedIds = cited[RecordKind.Meetings].ToList();
        var oversight = GovernanceMeeting.OversightTypes;
        return meetings.Where(m => m.Details.HeldOn >= yearBefore
            || (oversight.Contains(m.Details.Type) && (lastBeforeTheYear.Contains(m.Details.HeldOn) || !db.Decisions.Any(d => d.MeetingId == m.Id)))
            || EF.Parameter(citedIds).Contains(m.Id));
    }

    /// <summary>The day of each site's newest oversight meeting held before the year the meeting-gap rule looks back over.</summary>
    public static IQueryable<DateOnly> LastOversightBeforeTheYear(this IQueryable<GovernanceMeeting> meetings, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);
        var oversight = GovernanceMeeting.OversightTypes;
        return meetings
            .Where(m => oversight.Contains(m.Details.Type) && m.Details.HeldOn < yearBefore)
            .GroupBy(m => m.SiteId)
            .Select(site => site.Max(m => m.Details.HeldOn));
    }

    /// <summary>
    /// Decisions the minutes rule passes over, made at meetings that are not read: with an action raised by the as-of day,
    /// and an owner and a review date, their own or their action's.
    /// </summary>
    public static IQueryable<MeetingDecision> LeaveOutSettled(
        this IQueryable<MeetingDecision> decisions, VeriviusDbContext db, DateOnly asOf, IEnumerable<GovernanceMeeting> meetingsRead, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var meetingIds = meetingsRead.Select(m => m.Id).ToList();
        var citedIds = cited[RecordKind.Decisions].ToList();
        return decisions.Where(d => d.MadeOn > yearBefore
            || EF.Parameter(meetingIds).Contains(d.MeetingId)
            || !db.Actions.Any(a => a.Id == d.ActionId && a.Details.RaisedOn <= asOf
                && (d.Details.Owner == null ? !string.IsNullOrWhiteSpace(a.Details.Owner) : !string.IsNullOrWhiteSpace(d.Details.Owner))
                && (d.Details.ReviewOn != null || a.Details.DueOn != null))
            || EF.Parameter(citedIds).Contains(d.Id));
    }

    /// <summary>
    /// Complaints the care-plan rule passes over: their learning was never said to need the care plan, or it reached the care
    /// plan within the days allowed after the response.
    /// </summary>
    /// <remarks>
    /// An update in time settles the complaint even where it is dated after the as-of day: until then the deadline has not
    /// passed either. A complaint with no response yet is read.
    /// </remarks>
    public static IQueryable<Complaint> LeaveOutSettled(this IQueryable<Complaint> complaints, DateOnly asOf, ChallengeThresholds thresholds, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var days = thresholds.CarePlanUpdateDays;
        var citedIds = cited[RecordKind.Complaints].ToList();
        return complaints.Where(c => c.Details.ReceivedOn > yearBefore
            || (c.Details.CarePlanUpdateRequired == true
                && !(c.Details.RespondedOn != null && c.Details.CarePlanUpdatedOn <= c.Details.RespondedOn.Value.AddDays(days)))
            || EF.Parameter(citedIds).Contains(c.Id));
    }

    /// <summary>
    /// Feedback the "we did" rule passes over: not negative, or answered within the days allowed (until the answer's day, the
    /// deadline has not passed either).
    /// </summary>
    public static IQueryable<FeedbackItem> LeaveOutSettled(this IQueryable<FeedbackItem> feedback, DateOnly asOf, ChallengeThresholds thresholds, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var days = thresholds.FeedbackResponseDays;
        var citedIds = cited[RecordKind.Feedback].ToList();
        return feedback.Where(f => f.Details.ReceivedOn > yearBefore
            || (f.Details.Sentiment == Sentiment.Negative && !(f.Details.WeDidOn <= f.Details.ReceivedOn.AddDays(days)))
            || EF.Parameter(citedIds).Contains(f.Id));
    }

    /// <summary>
    /// Audits the headline rule and the documentation contradiction pass over: not among the newest of their type that the
    /// headline rule looks at (which later audits only push further back), and held before the month the rules judge as the
    /// current period (the newest pack's, which only moves forward). Which audits are among their type's newest is decided
    /// from the audits' headings here, not in SQL, because the rule groups types by trimmed name ignoring case, which the
    /// databases' collations do not all do alike.
    /// </summary>
    public static async Task<IQueryable<Audit>> LeaveOutSettledAsync(
        this IQueryable<Audit> audits, DateOnly asOf, int newestPerType, ILookup<Guid, DateOnly> packPeriods, ILookup<RecordKind, Guid> cited, CancellationToken cancellationToken)
    {
        var yearBefore = asOf.AddMonths(-12);
        var citedIds = cited[RecordKind.Audits].ToHashSet();
        var headings = await audits.Where(a => a.Details.HeldOn <= asOf).Select(a => new { a.Id, a.SiteId, a.Ref, a.Details.AuditType, a.Details.HeldOn }).ToListAsync(cancellationToken);
        var stillRead = new List<Guid>();
        foreach (var site in headings.GroupBy(a => a.SiteId))
        {
            var currentPeriod = packPeriods[site.Key].Where(p => p <= asOf).DefaultIfEmpty(new DateOnly(asOf.Year, asOf.Month, 1)).Max();
            var newest = site.GroupBy(a => a.AuditType.Trim(), StringComparer.OrdinalIgnoreCase)
                .SelectMany(type => type.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Ref, StringComparer.Ordinal).Take(newestPerType))
                .Select(a => a.Id)
                .ToHashSet();
            stillRead.AddRange(site.Where(a => a.HeldOn <= yearBefore && (newest.Contains(a.Id) || a.HeldOn >= currentPeriod || citedIds.Contains(a.Id))).Select(a => a.Id));
        }

        return audits.Where(a => a.Details.HeldOn > yearBefore || EF.Parameter(stillRead).Contains(a.Id));
    }
}
