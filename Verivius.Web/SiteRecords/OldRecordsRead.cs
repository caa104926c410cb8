using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// What a judgement that leaves out settled records (<see cref="SettledRecords"/>) carries to the next judgement of the same
/// records: the ids, by kind, of the records older than the year before its as-of day that it still read
/// (<see cref="SiteJudgement.OldRecordsRead"/>). Without them, each judgement tests every old row of a site to find the few
/// still unresolved, and a site with five years of history costs more to judge than one with one year.
/// </summary>
/// <remarks>
/// <para>
/// The filters only ever leave out more as the as-of day moves on, while the records, the citations and the provider's
/// thresholds stay the same: a notification late is late on every later day, an action raised or an apology given by one
/// day is so by every later one, and a site's last oversight meeting before the year is either recent or was read. So an
/// old record that a judgement of the same records left out is left out on every later day, and a later judgement need
/// test, of the old records, only those listed here, besides the records not old at the earlier judgement: the ones that
/// crossed the year since, and any added since. Those are found through the days' indexes.
/// </para>
/// <para>
/// The list is written by each judgement and used only while <see cref="SiteJudgement.OldRecordsStillRead"/> says the site
/// and its provider's context are unchanged since; after an upload the site's check reads as before and writes a new one.
/// </para>
/// <para>
/// Only incidents, meetings, decisions and audits are narrowed so: they are the kinds whose old rows are many and mostly settled, where
/// testing each cost more than reading by day and by key (measured on 500 sites × 60 months: 60 → 25 ms, 27 → 5 ms and
/// 10 → 2 ms for a batch of fifteen sites). Complaints and feedback still read are few, and the same narrowing measured no
/// faster for them; for actions it measured slower while every old staffing action was read, and no faster since only the
/// latest staffing closure is (docs/performance.md). Audits are narrowed only where their headings are read, to decide which are
/// among their type's newest (<see cref="SettledRecords.LeaveOutSettledAsync"/>): the audits then read are found by day and by key.
/// </para>
/// </remarks>
internal sealed class OldRecordsRead
{
    private readonly IReadOnlyCollection<Guid> _sites;
    private readonly DateOnly _horizon;
    private readonly ILookup<RecordKind, Guid> _ids;

    private OldRecordsRead(IReadOnlyCollection<Guid> sites, DateOnly horizon, ILookup<RecordKind, Guid> ids)
    {
        _sites = sites;
        _horizon = horizon;
        _ids = ids;
    }

    /// <summary>
    /// Whether the record is dated after <paramref name="yearBefore"/>, by the day the loader reads it by. Every record a judgement
    /// did not load is dated after its as-of day, so is recent by this test on any later judgement.
    /// </summary>
    private static Expression<Func<Incident, bool>> RecentIncident(DateOnly yearBefore) => i => i.Details.OccurredOn > yearBefore;

    private static Expression<Func<GovernanceMeeting, bool>> RecentMeeting(DateOnly yearBefore) => m => m.Details.HeldOn > yearBefore;

    private static Expression<Func<MeetingDecision, bool>> RecentDecision(DateOnly yearBefore) => d => d.MadeOn > yearBefore;

    private static Expression<Func<Audit, bool>> RecentAudit(DateOnly yearBefore) => a => a.Details.HeldOn > yearBefore;

    /// <summary>
    /// What the last judgements of the sites carry to a judgement as of <paramref name="asOf"/> under the provider's context,
    /// or nothing when no site's last judgement can be carried.
    /// </summary>
    public static OldRecordsRead? CarriedTo(IEnumerable<SiteJudgement> judgements, DateOnly asOf, string providerContext)
    {
        var carried = judgements
            .Select(j => (j.SiteId, j.JudgedOn, Text: j.OldRecordsStillRead(asOf, providerContext)))
            .Where(j => j.Text is not null)
            .ToList();
        if (carried.Count == 0)
        {
            return null;
        }

        // One horizon for the batch, the earliest: reading more of a site's recent records than its own list needs is harmless.
        var ids = carried.SelectMany(j => Parse(j.Text!)).ToLookup(r => r.Kind, r => r.Id);
        return new OldRecordsRead([.. carried.Select(j => j.SiteId)], carried.Min(j => j.JudgedOn).AddMonths(-12), ids);
    }

    /// <summary>The old records of each site that a judgement as of <paramref name="asOf"/> read, for the next judgement.</summary>
    /// <remarks>The tests are compiled once for the batch, not once a site.</remarks>
    public static Dictionary<Guid, string> Of(IReadOnlyDictionary<Guid, SiteEvidence> sites, DateOnly asOf)
    {
        var yearBefore = asOf.AddMonths(-12);
        var recentIncident = RecentIncident(yearBefore).Compile();
        var recentMeeting = RecentMeeting(yearBefore).Compile();
        var recentDecision = RecentDecision(yearBefore).Compile();
        var recentAudit = RecentAudit(yearBefore).Compile();
        return sites.ToDictionary(site => site.Key, site => string.Join(';', new[]
        {
            Listed(RecordKind.Incidents, site.Value.Incidents, recentIncident),
            Listed(RecordKind.Meetings, site.Value.Meetings, recentMeeting),
            Listed(RecordKind.Decisions, site.Value.Decisions, recentDecision),
            Listed(RecordKind.Audits, site.Value.Audits, recentAudit),
        }.Where(kind => kind.Length > 0)));

        static string Listed<T>(RecordKind kind, IEnumerable<T> read, Func<T, bool> isRecent)
            where T : SiteRecord
        {
            var old = read.Where(r => !isRecent(r)).Select(r => r.Id).ToList();
            return old.Count == 0 ? "" : $"{kind}:{string.Join(',', old)}";
        }
    }

    public IQueryable<Incident> Narrow(IQueryable<Incident> incidents) => Narrow(incidents, RecordKind.Incidents, RecentIncident(_horizon));

    public IQueryable<GovernanceMeeting> Narrow(IQueryable<GovernanceMeeting> meetings) => Narrow(meetings, RecordKind.Meetings, RecentMeeting(_horizon));

    public IQueryable<MeetingDecision> Narrow(IQueryable<MeetingDecision> decisions) => Narrow(decisions, RecordKind.Decisions, RecentDecision(_horizon));

    public IQueryable<Audit> Narrow(IQueryable<Audit> audits) => Narrow(audits, RecordKind.Audits, RecentAudit(_horizon));

    /// <summary>
    /// The records the settled filters need test: every record of the sites carrying nothing, and of the sites carrying a list,
    /// the records recent by the horizon (through the kind's day index) and the old ones listed (by their keys).
    /// </summary>
    private IQueryable<T> Narrow<T>(IQueryable<T> records, RecordKind kind, Expression<Func<T, bool>> recent)
        where T : SiteRecord
    {
        var sites = _sites;
        var listed = _ids[kind].ToList();
        var old = Expression.Lambda<Func<T, bool>>(Expression.Not(recent.Body), recent.Parameters);
        return records.Where(r => !EF.Parameter(sites).Contains(r.SiteId))
            .Concat(records.Where(r => EF.Parameter(sites).Contains(r.SiteId)).Where(recent))
            .Concat(records.Where(r => EF.Parameter(listed).Contains(r.Id)).Where(old));
    }

    private static IEnumerable<(RecordKind Kind, Guid Id)> Parse(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(kind => kind.Split(':'))
            .SelectMany(kind => kind[1].Split(',').Select(id => (Enum.Parse<RecordKind>(kind[0]), Guid.Parse(id))));
}
