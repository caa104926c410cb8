using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Evidence;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// Reads one month's trail for any number of sites in a handful of queries, each filtered in the
/// database to what the audit can use: the month's decisions and incidents, the actions they name,
/// the training rows falling due in the month and the completions that could renew them, which
/// matrices were sent, the last sessions of the staff whose supervision falls due in the month and
/// their sessions since, and whether the month before's supervision record was sent.
/// </summary>
internal static class TrailEvidenceLoader
{
    /// <param name="db">The request's context, which reads the month's records and their actions.</param>
    /// <param name="scopes">Where a second context comes from, to read the staff records beside them.</param>
    public static async Task<Dictionary<Guid, TrailEvidence>> LoadAsync(
        VeriviusDbContext db, IServiceScopeFactory scopes, IReadOnlyCollection<Guid> siteIds, DateOnly month, DateOnly asOf, int supervisionDays, CancellationToken cancellationToken)
    {
        var ids = siteIds.ToList();

        // The two halves share no record, and most of a month's audit is turning rows into records, so the staff records are read
        // on a context and a core of their own while the request's context reads the rest: at 500 sites a month with its matrices
        // and supervision records took 780-1,040 ms read one after the other, where the incidents and actions alone take 340-550 ms.
        // Run on the thread pool, since SQLite's provider does its "asynchronous" reads on the calling thread.
        await using var staffScope = scopes.CreateAsyncScope();
        var staffDb = staffScope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var readingStaff = Task.Run(() => StaffRecordsAsync(staffDb, ids, month, asOf, supervisionDays, cancellationToken), cancellationToken);
        var readingRecords = RecordsAndActionsAsync(db, ids, month, cancellationToken);
        // Both finish, even when one fails, before the staff records' context is disposed.
        await Task.WhenAll(readingRecords, readingStaff);
        var (decisions, incidents, findings, actions) = await readingRecords;
        var (training, matrices, sessionMonths, supervision) = await readingStaff;

        var bySite = (
            Decisions: decisions.ToLookup(d => d.SiteId), Incidents: incidents.ToLookup(i => i.SiteId), Findings: findings.ToLookup(f => f.SiteId), Actions: actions.ToLookup(a => a.SiteId),
            Training: training.ToLookup(t => t.SiteId), Matrices: matrices.ToLookup(m => m.SiteId, m => m.Period), Supervision: supervision.ToLookup(s => s.SiteId));
        return ids.ToDictionary(id => id, id => new TrailEvidence
        {
            Decisions = [.. bySite.Decisions[id]],
            Incidents = [.. bySite.Incidents[id]],
            Findings = [.. bySite.Findings[id]],
            Actions = [.. bySite.Actions[id]],
            Training = [.. bySite.Training[id]],
            MatrixMonths = bySite.Matrices[id].ToHashSet(),
            Supervision = [.. bySite.Supervision[id]],
            SupervisionMonths = sessionMonths[id].ToHashSet(),
        });
    }

    /// <summary>The month's decisions and incidents, the inspection findings so far, and the actions any of them names.</summary>
    private static async Task<MonthsRecords> RecordsAndActionsAsync(
        VeriviusDbContext db, List<Guid> ids, DateOnly month, CancellationToken cancellationToken)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var monthsDecisions = db.Decisions.AsNoTracking().Where(d => ids.Contains(d.SiteId) && d.MadeOn >= month && d.MadeOn <= last);
        var monthsIncidents = db.Incidents.AsNoTracking().Where(i => ids.Contains(i.SiteId) && i.Details.OccurredOn >= month && i.Details.OccurredOn <= last);
        var findingsSoFar = db.InspectionFindings.AsNoTracking().Where(f => ids.Contains(f.SiteId) && f.Details.InspectedOn <= last);
        var decisions = await monthsDecisions.ToListAsync(cancellationToken);
        var incidents = await monthsIncidents.ToListAsync(cancellationToken);
        var findings = await findingsSoFar.ToListAsync(cancellationToken);

        // Actions by the link the import made, joined in the database: each is one lookup by key, where sending the
        // keys would bind a parameter per action (17,000 at 500 sites), and a site filter beside an OR would have the
        // database read every action the sites have ever raised. By reference only where a record names one it could not link.
        var sites = ids.ToHashSet();
        var actions = (await monthsDecisions.Join(db.Actions, d => d.ActionId, a => (Guid?)a.Id, (_, a) => a)
                .Concat(monthsIncidents.Join(db.Actions, i => i.ActionId, a => (Guid?)a.Id, (_, a) => a))
                .Concat(findingsSoFar.Join(db.Actions, f => f.ActionId, a => (Guid?)a.Id, (_, a) => a))
                .AsNoTracking().ToListAsync(cancellationToken))
            .Where(a => sites.Contains(a.SiteId)).DistinctBy(a => a.Id).ToList();
        var unlinked = decisions.Where(d => d.ActionId is null).Select(d => d.Details.ActionRef)
            .Concat(incidents.Where(i => i.ActionId is null).Select(i => i.Details.ActionRef))
            .Concat(findings.Where(f => f.ActionId is null).Select(f => f.Details.ActionRef))
            .OfType<string>().Select(r => r.Trim()).Distinct().ToList();
        if (unlinked.Count > 0)
        {
            var linked = actions.Select(a => a.Id).ToHashSet();
            actions.AddRange(await db.Actions.AsNoTracking().Where(a => ids.Contains(a.SiteId) && unlinked.Contains(a.Ref) && !linked.Contains(a.Id)).ToListAsync(cancellationToken));
        }

        return new MonthsRecords(decisions, incidents, findings, actions);
    }

    /// <summary>
    /// The training rows and supervision sessions the month's staff chains are traced from, which months' matrices were sent,
    /// and which supervision records the month can be judged from.
    /// </summary>
    private static async Task<StaffRecords> StaffRecordsAsync(
        VeriviusDbContext db, List<Guid> ids, DateOnly month, DateOnly asOf, int supervisionDays, CancellationToken cancellationToken)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var previous = month.AddMonths(-1);
        var next = month.AddMonths(1);

        // Rows falling due in the month (from the month before's matrix or its own): those expiring in it and those
        // planned in it, asked apart so that each is a range on its own index, which SQLite uses without statistics.
        var mandatory = db.Training.AsNoTracking().Where(t => ids.Contains(t.SiteId) && (t.Period == previous || t.Period == month) && t.Details.Mandatory);
        var due = mandatory.Where(t => t.Details.ExpiresOn >= month && t.Details.ExpiresOn <= last)
            .Concat(mandatory.Where(t => t.Details.PlannedOn >= month && t.Details.PlannedOn <= last));
        var dueRows = await due.ToListAsync(cancellationToken);
        // The completions that could renew them, read only for the member of staff and course of a row falling due:
        // each is one index seek, where reading every completion of two months' matrices would materialise a hundred
        // thousand rows at 500 sites to use a few hundred. A renewal is a completion newer than the row's own, as the
        // audit counts it, so the row itself and older completions (half of what the join found) are not read again.
        var renewals = dueRows.Count == 0 ? [] : await due
            .Join(db.Training.AsNoTracking(), d => new { d.SiteId, d.Details.StaffRef, d.Details.Course }, c => new { c.SiteId, c.Details.StaffRef, c.Details.Course }, (d, c) => new { d, c })
            .Where(x => (x.c.Period == month || x.c.Period == next) && x.c.Details.CompletedOn <= asOf
                && (x.d.Details.CompletedOn == null || x.c.Details.CompletedOn > x.d.Details.CompletedOn))
            .Select(x => x.c)
            .ToListAsync(cancellationToken);
        // A row of the month's own matrix can be both due and a renewal; the audit must see it once.
        var training = dueRows.Concat(renewals).DistinctBy(t => t.Id).ToList();
        // Whether each matrix was sent, and the month before's supervision record, as one indexed lookup per site and month
        // rather than a scan of every row of three months' matrices. A supervision record counts as sent when it lists a
        // supervision session (not only appraisals or other meetings), here and where the sessions are read below.
        var sessions = db.Supervision.AsNoTracking().Where(s => s.Details.Type == SupervisionType.Supervision);
        var sessionsBefore = sessions.Where(s => s.Period == previous);
        var sent = await db.Sites.Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                SiteId = s.Id,
                Previous = db.Training.Any(t => t.SiteId == s.Id && t.Period == previous),
                Month = db.Training.Any(t => t.SiteId == s.Id && t.Period == month),
                Next = db.Training.Any(t => t.SiteId == s.Id && t.Period == next),
                SessionsBefore = sessionsBefore.Any(v => v.SiteId == s.Id),
            })
            .ToListAsync(cancellationToken);
        // Of the months whose supervision record was sent, the audit asks only about the month before.
        var sessionMonths = sent.Where(s => s.SessionsBefore).ToLookup(s => s.SiteId, _ => previous);
        var matrices = sent.SelectMany(s => new[] { (s.SiteId, Period: previous, Sent: s.Previous), (s.SiteId, Period: month, Sent: s.Month), (s.SiteId, Period: next, Sent: s.Next) })
            .Where(m => m.Sent).Select(m => (m.SiteId, m.Period)).ToList();

        // A member of staff's supervision falls due in the month when their last session before it, in the record it is
        // judged from (the month before's if it was sent, else the month's own), lies the interval before the month. Only
        // those last sessions are read, and the sessions of the same staff that could be the next: the rest of two months'
        // records (120 rows a site at 500 sites, 400-650 ms to materialise) change nothing the audit says. The record
        // judged from is one month's, so a later session is sought in the same record, and each month is asked apart:
        // both keep the reads to the index on site and month.
        var (dueFrom, dueTo) = (month.AddDays(-supervisionDays), last.AddDays(-supervisionDays));
        var sessionsDue = sessions.Where(s => ids.Contains(s.SiteId) && s.Details.HeldOn >= dueFrom && s.Details.HeldOn <= dueTo && s.Details.HeldOn < month
            && !sessions.Any(later => later.SiteId == s.SiteId && later.Period == s.Period && later.Details.StaffRef == s.Details.StaffRef
                && later.Details.HeldOn > s.Details.HeldOn && later.Details.HeldOn < month));
        var lastBeforeDue = sessionsDue.Where(s => s.Period == previous)
            .Concat(sessionsDue.Where(s => s.Period == month && !sessionsBefore.Any(p => p.SiteId == s.SiteId)));
        var supervisionDue = await lastBeforeDue.ToListAsync(cancellationToken);
        // The next is a session held after the last one, as the audit counts it; the last one itself is read above.
        var nextSessions = supervisionDue.Count == 0 ? [] : await lastBeforeDue
            .Join(sessions, d => new { d.SiteId, d.Details.StaffRef }, n => new { n.SiteId, n.Details.StaffRef }, (d, n) => new { d, n })
            .Where(x => (x.n.Period == month || x.n.Period == next) && x.n.Details.HeldOn <= asOf && x.n.Details.HeldOn > x.d.Details.HeldOn)
            .Select(x => x.n)
            .ToListAsync(cancellationToken);
        var supervision = supervisionDue.Concat(nextSessions).DistinctBy(s => s.Id).ToList();
        return new StaffRecords(training, matrices, sessionMonths, supervision);
    }

    private sealed record MonthsRecords(List<MeetingDecision> Decisions, List<Incident> Incidents, List<InspectionFinding> Findings, List<ImprovementAction> Actions);

    private sealed record StaffRecords(List<TrainingRecord> Training, List<(Guid SiteId, DateOnly Period)> Matrices, ILookup<Guid, DateOnly> SessionMonths, List<SupervisionRecord> Supervision);
}
