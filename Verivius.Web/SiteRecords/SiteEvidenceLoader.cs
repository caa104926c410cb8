using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// Reads what the challenge rules need for a batch of sites in one query per kind of record, untracked,
/// leaving out what cannot have happened by the as-of day — or by the last day the rules are asked about
/// (<c>through</c>), whose records dated ahead of today are then read too — so a provider of
/// hundreds of sites is judged in a few dozen queries rather than thousands.
/// </summary>
/// <remarks>
/// Given the thresholds as <c>settledUnder</c>, the judgement is of the days from the as-of day on only, and the records
/// no rule can find anything about on those days are not read (<see cref="SettledRecords"/>): what such a judgement
/// reads then follows the site's recent months and what is still unresolved, not every month it has kept. Given also what
/// the sites' last judgements of the same records read (<c>carried</c>), the filters test, of each such site's
/// old incidents, meetings, decisions and audits, only those (<see cref="OldRecordsRead"/>).
/// </remarks>
internal static class SiteEvidenceLoader
{
    public static async Task<Dictionary<Guid, SiteEvidence>> LoadAsync(
        VeriviusDbContext db, IReadOnlyCollection<Guid> siteIds, DateOnly asOf, CancellationToken cancellationToken, DateOnly? through = null, ChallengeThresholds? settledUnder = null, OldRecordsRead? carried = null)
    {
        var ids = siteIds.ToList();
        var last = through ?? asOf;
        var actions = db.Actions.AsNoTracking().Where(a => ids.Contains(a.SiteId) && a.Details.RaisedOn <= last);
        var meetings = db.Meetings.AsNoTracking().Where(m => ids.Contains(m.SiteId) && m.Details.HeldOn <= last);
        var decisions = db.Decisions.AsNoTracking().Where(d => ids.Contains(d.SiteId) && d.MadeOn <= last);
        var incidents = db.Incidents.AsNoTracking().Where(i => ids.Contains(i.SiteId) && i.Details.OccurredOn <= last);
        var complaints = db.Complaints.AsNoTracking().Where(c => ids.Contains(c.SiteId) && c.Details.ReceivedOn <= last);
        var feedback = db.Feedback.AsNoTracking().Where(f => ids.Contains(f.SiteId) && f.Details.ReceivedOn <= last);
        var audits = db.Audits.AsNoTracking().Where(a => ids.Contains(a.SiteId) && a.Details.HeldOn <= last);
        var links = (await db.EvidenceLinks.AsNoTracking().Where(l => ids.Contains(l.SiteId)).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var cited = links.SelectMany(site => site).ToLookup(l => l.EvidenceKind, l => l.EvidenceId);
        var packs = (await db.Packs.AsNoTracking().Where(p => ids.Contains(p.SiteId) && p.Period <= last).Select(p => new { p.SiteId, p.Period }).ToListAsync(cancellationToken)).ToLookup(p => p.SiteId, p => p.Period);
        if (settledUnder is not null && carried is not null)
        {
            meetings = carried.Narrow(meetings);
            decisions = carried.Narrow(decisions);
            incidents = carried.Narrow(incidents);
        }

        if (settledUnder is not null)
        {
            incidents = incidents.LeaveOutSettled(db, asOf, settledUnder, cited);
            meetings = meetings.LeaveOutSettled(db, asOf, await meetings.LastOversightBeforeTheYear(asOf).ToListAsync(cancellationToken), cited);
            complaints = complaints.LeaveOutSettled(asOf, settledUnder, cited);
            feedback = feedback.LeaveOutSettled(asOf, settledUnder, cited);
            audits = await audits.LeaveOutSettledAsync(asOf, settledUnder.AuditThemeWindow, packs, cited, carried, cancellationToken);
        }

        // Decisions are needed for the meetings read, and actions for the decisions, inspection findings and incidents read.
        // Those are read first, so their filters are given the ids read, rather than searching old record by old record.
        var incidentsRead = (await incidents.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var meetingsRead = (await meetings.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var findings = (await db.InspectionFindings.AsNoTracking().Where(f => ids.Contains(f.SiteId) && f.Details.InspectedOn <= last).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        if (settledUnder is not null)
        {
            decisions = decisions.LeaveOutSettled(db, asOf, meetingsRead.SelectMany(site => site), cited);
        }

        var decisionsRead = (await decisions.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var staffingWeeks = db.Staffing.AsNoTracking().Where(w => ids.Contains(w.SiteId) && w.Details.WeekStarting <= last);
        if (settledUnder is not null)
        {
            var sites = db.Sites.Where(s => ids.Contains(s.Id));
            var stalledSince = await sites.StalledSince(db, asOf).ToListAsync(cancellationToken);
            var staffingResponses = await sites.StaffingResponses(db, asOf).ToListAsync(cancellationToken);
            staffingWeeks = staffingWeeks.LeaveOutSettled(asOf, ids, staffingResponses, packs, cited);
            actions = actions.LeaveOutSettled(
                asOf, stalledSince, staffingResponses, decisionsRead.SelectMany(site => site), findings.SelectMany(site => site), [.. incidentsRead.SelectMany(site => site)], cited);
        }

        var actionsRead = (await actions.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var complaintsRead = (await complaints.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var feedbackRead = (await feedback.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var auditsRead = (await audits.Include(a => a.Themes).AsSplitQuery().ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var staffing = (await staffingWeeks.ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);

        var training = (await CurrentSnapshots(db.Training.AsNoTracking(), ids, asOf, last).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var supervision = (await CurrentSnapshots(db.Supervision.AsNoTracking(), ids, asOf, last).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var assurance = (await db.AssuranceStatements.AsNoTracking().Where(a => ids.Contains(a.SiteId)).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var risks = (await db.RecoveryRisks.AsNoTracking().Where(r => ids.Contains(r.SiteId)).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var selfAssessments = (await db.SelfAssessments.AsNoTracking().Where(s => ids.Contains(s.SiteId)).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var attachments = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.SiteId)).ToListAsync(cancellationToken)).ToLookup(r => r.SiteId);
        var reportingFrom = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ReportingFrom, cancellationToken);

        return ids.ToDictionary(id => id, id => new SiteEvidence
        {
            SiteId = id,
            Actions = [.. actionsRead[id]],
            Meetings = [.. meetingsRead[id]],
            Decisions = [.. decisionsRead[id]],
            Incidents = [.. incidentsRead[id]],
            Complaints = [.. complaintsRead[id]],
            Audits = [.. auditsRead[id]],
            Staffing = [.. staffing[id]],
            Training = [.. training[id]],
            Supervision = [.. supervision[id]],
            Feedback = [.. feedbackRead[id]],
            Findings = [.. findings[id]],
            Assurance = [.. assurance[id]],
            Risks = [.. risks[id]],
            SelfAssessments = [.. selfAssessments[id]],
            Attachments = [.. attachments[id]],
            EvidenceLinks = [.. links[id]],
            PackPeriods = [.. packs[id]],
            ReportingFrom = reportingFrom.TryGetValue(id, out var month) ? month : null,
        });
    }

    /// <summary>
    /// Of a monthly snapshot (training, supervision), each site's newest month by <paramref name="asOf"/>, which is the one the
    /// rules read, and any month after it up to <paramref name="last"/>, for the days looked ahead.
    /// </summary>
    /// <remarks>
    /// Each site's newest month is found once, through the (site, period) index, and its rows are joined on by that key: asked
    /// of each row instead, as a correlated subquery, it was sought again for every row of every month (about 1 ms a site on
    /// 500 sites × 60 months, for a matrix of 720 rows).
    /// </remarks>
    private static IQueryable<T> CurrentSnapshots<T>(IQueryable<T> rows, List<Guid> ids, DateOnly asOf, DateOnly last)
        where T : class, IMonthlySnapshot
    {
        var newest = rows.Where(r => ids.Contains(r.SiteId) && r.Period <= asOf).GroupBy(r => r.SiteId).Select(g => new { SiteId = g.Key, Period = g.Max(r => r.Period) });
        return rows.Join(newest, r => new { r.SiteId, r.Period }, n => new { n.SiteId, n.Period }, (r, n) => r)
            .Concat(rows.Where(r => ids.Contains(r.SiteId) && r.Period > asOf && r.Period <= last));
    }
}
