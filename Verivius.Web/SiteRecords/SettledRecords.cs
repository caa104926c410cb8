using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The records a judgement of the days from its as-of day on need not read, because no rule of the catalogue
/// can find anything about them, or count them, on any of those days. A site keeps every month it ever
/// reported, but what the rules read of a month more than a year old is only what is still unresolved in it:
/// a notification or duty of candour, an incident of moderate harm or worse without its action, a complaint
/// whose learning had to reach the care plan, negative feedback, each type's latest audits. Left out are the records that are
/// <list type="bullet">
/// <item>more than twelve months older than the as-of day, so outside every window that counts records
/// (the evidence categories a self-assessment is weighed against, the lines of enquiry's coverage), which
/// only move forward from there;</item>
/// <item>cited by no assurance statement or recovery risk, so no claim's evidence;</item>
/// <item>of a kind and state that every rule reading their kind passes over, whatever the day.</item>
/// </list>
/// An evaluation of a day in the past (<c>--asof</c>) still reads everything. The year of simulated nights in
/// <c>IncrementalChallengeTests</c> compares runs that leave these records out with runs that read them all.
/// </summary>
internal static class SettledRecords
{
    /// <summary>
    /// Incidents the notification, duty-of-candour and no-action rules pass over: not notifiable and no
    /// notification recorded (late and missing notifications both need one or the other), candour not applying,
    /// and of no or low harm, or with the action it names raised by the as-of day.
    /// </summary>
    public static IQueryable<Incident> LeaveOutSettled(this IQueryable<Incident> incidents, VeriviusDbContext db, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);

        // Moderate harm or worse is written as "neither none nor low": the harm is stored by name, so SQL cannot compare its order.
        return incidents.Where(i => i.Details.OccurredOn > yearBefore
            || i.Details.CqcNotifiable || i.Details.NotificationSentOn != null || i.Details.CandourApplies
            || (i.Details.Severity != Severity.None && i.Details.Severity != Severity.Low && !db.Actions.Any(a => a.Id == i.ActionId && a.Details.RaisedOn <= asOf))
            || db.EvidenceLinks.Any(l => l.EvidenceKind == RecordKind.Incidents && l.EvidenceId == i.Id));
    }

    /// <summary>Complaints the care-plan rule passes over: their learning was never said to need the care plan.</summary>
    public static IQueryable<Complaint> LeaveOutSettled(this IQueryable<Complaint> complaints, VeriviusDbContext db, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);
        return complaints.Where(c => c.Details.ReceivedOn > yearBefore
            || c.Details.CarePlanUpdateRequired == true
            || db.EvidenceLinks.Any(l => l.EvidenceKind == RecordKind.Complaints && l.EvidenceId == c.Id));
    }

    /// <summary>Feedback the "we did" rule passes over: none of it negative.</summary>
    public static IQueryable<FeedbackItem> LeaveOutSettled(this IQueryable<FeedbackItem> feedback, VeriviusDbContext db, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);
        return feedback.Where(f => f.Details.ReceivedOn > yearBefore
            || f.Details.Sentiment == Sentiment.Negative
            || db.EvidenceLinks.Any(l => l.EvidenceKind == RecordKind.Feedback && l.EvidenceId == f.Id));
    }

    /// <summary>
    /// Audits the headline rule and the documentation contradiction pass over: not among the newest of their type that the
    /// headline rule looks at (which later audits only push further back), and held before the month the rules judge as the
    /// current period (the newest pack's, which only moves forward). Which audits are among their type's newest is decided
    /// from the audits' headings here, not in SQL, because the rule groups types by trimmed name ignoring case, which the
    /// databases' collations do not all do alike.
    /// </summary>
    public static async Task<IQueryable<Audit>> LeaveOutSettledAsync(
        this IQueryable<Audit> audits, DateOnly asOf, int newestPerType, ILookup<Guid, DateOnly> packPeriods, ILookup<Guid, EvidenceLink> links, CancellationToken cancellationToken)
    {
        var yearBefore = asOf.AddMonths(-12);
        var headings = await audits.Where(a => a.Details.HeldOn <= asOf).Select(a => new { a.Id, a.SiteId, a.Ref, a.Details.AuditType, a.Details.HeldOn }).ToListAsync(cancellationToken);
        var stillRead = new List<Guid>();
        foreach (var site in headings.GroupBy(a => a.SiteId))
        {
            var currentPeriod = packPeriods[site.Key].Where(p => p <= asOf).DefaultIfEmpty(new DateOnly(asOf.Year, asOf.Month, 1)).Max();
            var cited = links[site.Key].Where(l => l.EvidenceKind == RecordKind.Audits).Select(l => l.EvidenceId).ToHashSet();
            var newest = site.GroupBy(a => a.AuditType.Trim(), StringComparer.OrdinalIgnoreCase)
                .SelectMany(type => type.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Ref, StringComparer.Ordinal).Take(newestPerType))
                .Select(a => a.Id)
                .ToHashSet();
            stillRead.AddRange(site.Where(a => a.HeldOn <= yearBefore && (newest.Contains(a.Id) || a.HeldOn >= currentPeriod || cited.Contains(a.Id))).Select(a => a.Id));
        }

        return audits.Where(a => a.Details.HeldOn > yearBefore || stillRead.Contains(a.Id));
    }
}
