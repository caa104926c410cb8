using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The records a judgement of the days from its as-of day on need not read, because no rule of the catalogue
/// can find anything about them, or count them, on any of those days. A site keeps every month it ever
/// reported, but what the rules read of a month more than a year old is only what is still unresolved in it:
/// a notification or duty of candour, an incident of moderate harm or worse without its action, a complaint
/// whose learning has not reached the care plan in time, negative feedback not answered in time, each type's latest
/// audits, an action open or closed without its outcome or evidence, a meeting without a decision, a decision without its
/// owner, review date or action, and the staffing weeks of months whose missed care no staffing action answers. Left out are
/// the records that are
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
    /// or low harm, or with the action it names, one of its own site's (the rules look among those), raised by the as-of day.
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
            || (i.Details.Severity != Severity.None && i.Details.Severity != Severity.Low && !db.Actions.Any(a => a.Id == i.ActionId && a.SiteId == i.SiteId && a.Details.RaisedOn <= asOf))
            || EF.Parameter(citedIds).Contains(i.Id));
    }

    /// <summary>
    /// Actions the closure, overdue, owner and missed-care rules pass over, and that no record still read needs: closed more
    /// than a year before, with an outcome and closure evidence; not its site's latest closure (the stalled-actions rule
    /// names its day); not its site's latest closure of a staffing action (the missed-care rule asks only whether some staffing
    /// action was closed after a month, <see cref="StaffingResponses"/>); and carrying out no decision, inspection finding or
    /// incident still read, whose rules look for their actions.
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
        IReadOnlyCollection<StaffingResponse> staffingResponses,
        IEnumerable<MeetingDecision> decisionsRead,
        IEnumerable<InspectionFinding> findingsRead,
        IReadOnlyCollection<Incident> incidentsRead,
        ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var namedIds = decisionsRead.Select(d => d.ActionId).Concat(findingsRead.Select(f => f.ActionId)).Concat(incidentsRead.Select(i => i.ActionId))
            .OfType<Guid>().Concat(cited[RecordKind.Actions]).Distinct().ToList();
        var incidentIds = incidentsRead.Select(i => (Guid?)i.Id).ToList();
        var latestStaffingClosures = staffingResponses.Where(r => r.LatestClosure is not null).Select(r => r.LatestClosure).Distinct().ToList();
        return actions.Where(a => a.Details.Status != ActionStatus.Closed || a.Details.ClosedOn == null || a.Details.ClosedOn > yearBefore
            || string.IsNullOrWhiteSpace(a.Details.Outcome) || a.ClosureEvidenceId == null
            || (a.Details.Area == AssuranceArea.Staffing && latestStaffingClosures.Contains(a.Details.ClosedOn))
            || stalledSince.Contains(a.Details.ClosedOn)
            || a.SourceKind == RecordKind.Inspection
            || (a.SourceKind == RecordKind.Incidents && EF.Parameter(incidentIds).Contains(a.SourceRecordId))
            || EF.Parameter(namedIds).Contains(a.Id));
    }

    /// <summary>The latest closure of each site whose latest closure by the as-of day is more than a year old (its actions stalled).</summary>
    /// <remarks>
    /// Each site's latest closure is the first row of its closures walked newest first through the (site, closed on) index,
    /// so finding it costs the same whatever the number of actions the site has closed over the years.
    /// </remarks>
    public static IQueryable<DateOnly?> StalledSince(this IQueryable<Site> sites, VeriviusDbContext db, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);
        return sites
            .Select(site => db.Actions
                .Where(a => a.SiteId == site.Id && a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn <= asOf && a.Details.RaisedOn <= asOf)
                .OrderByDescending(a => a.Details.ClosedOn)
                .Select(a => a.Details.ClosedOn)
                .FirstOrDefault())
            .Where(latest => latest <= yearBefore);
    }

    /// <summary>
    /// How each site has answered staffing pressure by the as-of day, for the missed-care rule: whether a staffing action is
    /// open (which answers every month), and the latest day one was closed (which answers every month up to it). Actions
    /// raised later only answer more, so what is answered by the as-of day stays answered on every later day.
    /// </summary>
    /// <remarks>
    /// Each part is found through an index rather than by reading the site's staffing actions: an open one by its status
    /// (written as the two open statuses, which the (site, status) index can seek), or by a closing day not yet set, and the
    /// latest closure as the first of the site's closures newest first. Its cost does not grow with the site's history.
    /// </remarks>
    public static IQueryable<StaffingResponse> StaffingResponses(this IQueryable<Site> sites, VeriviusDbContext db, DateOnly asOf)
    {
        var staffing = db.Actions.Where(a => a.Details.Area == AssuranceArea.Staffing && a.Details.RaisedOn <= asOf);
        return sites.Select(site => new StaffingResponse(
            site.Id,
            staffing.Any(a => a.SiteId == site.Id && a.Details.ClosedOn == null)
                || staffing.Any(a => a.SiteId == site.Id && (a.Details.Status == ActionStatus.Open || a.Details.Status == ActionStatus.InProgress)),
            staffing.Where(a => a.SiteId == site.Id && a.Details.ClosedOn != null).OrderByDescending(a => a.Details.ClosedOn).Select(a => a.Details.ClosedOn).FirstOrDefault()));
    }

    /// <summary>
    /// Staffing weeks the staffing rules pass over: more than a year old (outside the lines of enquiry's coverage), and cited by
    /// no claim, at a site where every month that old is answered by a staffing action (<see cref="StaffingResponses"/>) and
    /// where the months the worsening rule compares (the current period and the three before it) are all within the year.
    /// A site where either is not so reads every week: it is a site with unanswered missed care, or one that stopped reporting.
    /// </summary>
    /// <remarks>
    /// The missed-care rule judges each month with all its weeks, so an old month is read whole or not at all, and it needs
    /// no month a closure answers. Apart from the worsening rule's four months, no other rule looks at a week more than a
    /// year old that no claim cites.
    /// </remarks>
    public static IQueryable<StaffingWeek> LeaveOutSettled(
        this IQueryable<StaffingWeek> weeks, DateOnly asOf, IReadOnlyCollection<Guid> siteIds, IReadOnlyCollection<StaffingResponse> responses, ILookup<Guid, DateOnly> packPeriods, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var answered = responses.ToDictionary(r => r.SiteId);
        var readingEveryWeek = siteIds.Where(site => !AnsweredUpTo(answered.GetValueOrDefault(site), yearBefore) || CurrentPeriod(packPeriods, site, asOf).AddMonths(-3) <= yearBefore).ToList();
        var citedIds = cited[RecordKind.Staffing].ToList();
        return weeks.Where(w => w.Details.WeekStarting > yearBefore || readingEveryWeek.Contains(w.SiteId) || EF.Parameter(citedIds).Contains(w.Id));
    }

    // Every month beginning on or before the day is answered: a staffing action is open, or one closed in or after that month.
    private static bool AnsweredUpTo(StaffingResponse? response, DateOnly day) =>
        response is not null && (response.AnyOpen || (response.LatestClosure is { } closed && new DateOnly(closed.Year, closed.Month, 1).AddMonths(1) > day));

    /// <summary>The month the rules judge as the current period on the as-of day: its newest pack's, or the as-of month without packs.</summary>
    private static DateOnly CurrentPeriod(ILookup<Guid, DateOnly> packPeriods, Guid site, DateOnly asOf) =>
        packPeriods[site].Where(p => p <= asOf).DefaultIfEmpty(new DateOnly(asOf.Year, asOf.Month, 1)).Max();

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
    /// Decisions the minutes rule passes over, made at meetings that are not read: with an action of their own site's raised
    /// by the as-of day, and an owner and a review date, their own or their action's.
    /// </summary>
    public static IQueryable<MeetingDecision> LeaveOutSettled(
        this IQueryable<MeetingDecision> decisions, VeriviusDbContext db, DateOnly asOf, IEnumerable<GovernanceMeeting> meetingsRead, ILookup<RecordKind, Guid> cited)
    {
        var yearBefore = asOf.AddMonths(-12);
        var meetingIds = meetingsRead.Select(m => m.Id).ToList();
        var citedIds = cited[RecordKind.Decisions].ToList();
        return decisions.Where(d => d.MadeOn > yearBefore
            || EF.Parameter(meetingIds).Contains(d.MeetingId)
            || !db.Actions.Any(a => a.Id == d.ActionId && a.SiteId == d.SiteId && a.Details.RaisedOn <= asOf
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
    /// <remarks>
    /// Given what the sites' last judgements read (<paramref name="carried"/>), the headings read are the recent ones and the old
    /// ones read last time: an old audit left out then had newer audits of its type that were read, so it is not among the
    /// newest now either, and reading its heading again cannot change which are.
    /// </remarks>
    public static async Task<IQueryable<Audit>> LeaveOutSettledAsync(
        this IQueryable<Audit> audits, DateOnly asOf, int newestPerType, ILookup<Guid, DateOnly> packPeriods, ILookup<RecordKind, Guid> cited, OldRecordsRead? carried, CancellationToken cancellationToken)
    {
        var yearBefore = asOf.AddMonths(-12);
        var citedIds = cited[RecordKind.Audits].ToHashSet();
        var headings = await (carried?.Narrow(audits) ?? audits).Where(a => a.Details.HeldOn <= asOf).Select(a => new { a.Id, a.SiteId, a.Ref, a.Details.AuditType, a.Details.HeldOn }).ToListAsync(cancellationToken);
        var stillRead = new List<Guid>();
        foreach (var site in headings.GroupBy(a => a.SiteId))
        {
            var currentPeriod = CurrentPeriod(packPeriods, site.Key, asOf);
            var newest = site.GroupBy(a => a.AuditType.Trim(), StringComparer.OrdinalIgnoreCase)
                .SelectMany(type => type.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Ref, StringComparer.Ordinal).Take(newestPerType))
                .Select(a => a.Id)
                .ToHashSet();
            stillRead.AddRange(site.Where(a => a.HeldOn <= yearBefore && (newest.Contains(a.Id) || a.HeldOn >= currentPeriod || citedIds.Contains(a.Id))).Select(a => a.Id));
        }

        return audits.Where(a => a.Details.HeldOn > yearBefore || EF.Parameter(stillRead).Contains(a.Id));
    }
}

/// <summary>A site's staffing actions raised by a day: whether any is open, and the latest day one was closed.</summary>
internal sealed record StaffingResponse(Guid SiteId, bool AnyOpen, DateOnly? LatestClosure);
