using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// Writes a read workbook into a site's records: each row updates the record with its reference or
/// adds one, then every reference is resolved to a real relation. Nothing is saved here; a caller
/// saves once, or clears the tracker when <see cref="RecordIndex"/> reported errors.
/// </summary>
internal sealed class PackRecords
{
    private readonly VeriviusDbContext _db;
    private readonly Guid _siteId;
    private readonly RecordIndex _index;

    public PackRecords(VeriviusDbContext db, Guid siteId, RecordIndex index)
    {
        _db = db;
        _siteId = siteId;
        _index = index;
    }

    public async Task ApplyAsync(PackContent content, PackPeriod period, CancellationToken cancellationToken)
    {
        // First every record, new or existing, so that any row may point to any other.
        var actions = await FindOrCreateAsync(_db.Actions, content.Actions, RecordKind.Actions, d => d.ActionRef, d => new ImprovementAction(_siteId, d), cancellationToken);
        var meetings = await FindOrCreateAsync(_db.Meetings, content.Meetings, RecordKind.Meetings, d => d.MeetingRef, d => new GovernanceMeeting(_siteId, d), cancellationToken);
        var decisions = await FindOrCreateAsync(_db.Decisions, content.Decisions, RecordKind.Decisions, d => d.DecisionRef, d => new MeetingDecision(_siteId, d), cancellationToken);
        var incidents = await FindOrCreateAsync(_db.Incidents, content.Incidents, RecordKind.Incidents, d => d.IncidentRef, d => new Incident(_siteId, d), cancellationToken);
        var complaints = await FindOrCreateAsync(_db.Complaints, content.Complaints, RecordKind.Complaints, d => d.ComplaintRef, d => new Complaint(_siteId, d), cancellationToken);
        var auditRows = content.Audits.GroupBy(a => a.Details.Audit.AuditRef, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Parsed<(AuditDetails Audit, List<AuditThemeDetails> Themes)>((g.First().Details.Audit, g.Select(r => r.Details.Theme).ToList()), g.First().Row, g.First().Layout))
            .ToList();
        var audits = await FindOrCreateAsync(_db.Audits.Include(a => a.Themes), auditRows, RecordKind.Audits, d => d.Audit.AuditRef, d => new Audit(_siteId, d.Audit), cancellationToken);
        var staffing = await FindOrCreateAsync(_db.Staffing, content.Staffing, RecordKind.Staffing, d => StaffingWeek.RefOf(d.WeekStarting), d => new StaffingWeek(_siteId, d), cancellationToken);
        var feedback = await FindOrCreateAsync(_db.Feedback, content.Feedback, RecordKind.Feedback, d => d.FeedbackRef, d => new FeedbackItem(_siteId, d), cancellationToken);
        var findings = await FindOrCreateAsync(_db.InspectionFindings, content.Inspection, RecordKind.Inspection, d => d.FindingRef, d => new InspectionFinding(_siteId, d), cancellationToken);
        var statements = await FindOrCreateAsync(_db.AssuranceStatements, content.Assurance, RecordKind.Assurance, d => d.StatementRef, d => new AssuranceStatement(_siteId, d), cancellationToken);
        var risks = await FindOrCreateAsync(_db.RecoveryRisks, content.Recovery, RecordKind.Recovery, d => d.RiskRef, d => new RecoveryRisk(_siteId, d), cancellationToken);
        var assessments = await FindOrCreateAsync(_db.SelfAssessments, content.SelfAssessment, RecordKind.SelfAssessment, d => d.QualityStatement, d => new SelfAssessment(_siteId, d), cancellationToken);

        // Then what each row says, with its references resolved.
        foreach (var (row, action) in actions)
        {
            var d = row.Details;
            RecordLink? source = null;
            var kinds = d.Source.RecordKinds();
            if (kinds.Length > 0 && _index.Resolve(row, "SourceRef", d.SourceRef, kinds) is { } sourceId)
            {
                source = new RecordLink(KindOf(kinds, d.SourceRef!), sourceId);
            }

            var evidence = d.EvidenceRef is null ? null : _index.ResolveEvidence(row, "EvidenceRef", d.EvidenceRef).Select(e => (RecordLink?)e.Link).FirstOrDefault();
            action.Record(d, source, evidence);
        }

        foreach (var (row, meeting) in meetings)
        {
            meeting.Record(row.Details, _index.Resolve(row, "MinutesRef", row.Details.MinutesRef, RecordKind.Attachment));
        }

        // A decision's meeting is usually in the same workbook; those from earlier packs load in one query.
        var meetingIds = decisions.Select(d => _index.Resolve(d.Row, "MeetingRef", d.Row.Details.MeetingRef, RecordKind.Meetings)).ToList();
        var inWorkbook = meetings.Select(m => m.Record).ToDictionary(m => m.Id);
        var earlier = meetingIds.OfType<Guid>().Where(id => !inWorkbook.ContainsKey(id)).Distinct().ToList();
        var allMeetings = inWorkbook.Values.Concat(await _db.Meetings.Where(m => earlier.Contains(m.Id)).ToListAsync(cancellationToken)).ToDictionary(m => m.Id);
        for (var i = 0; i < decisions.Count; i++)
        {
            if (meetingIds[i] is { } meetingId)
            {
                var (row, decision) = decisions[i];
                decision.Record(row.Details, allMeetings[meetingId], _index.Resolve(row, "ActionRef", row.Details.ActionRef, RecordKind.Actions));
            }
        }

        foreach (var (row, incident) in incidents)
        {
            incident.Record(row.Details, _index.Resolve(row, "ActionRef", row.Details.ActionRef, RecordKind.Actions));
        }

        foreach (var (row, complaint) in complaints)
        {
            complaint.Record(row.Details, _index.Resolve(row, "ActionRef", row.Details.ActionRef, RecordKind.Actions));
        }

        foreach (var (row, finding) in findings)
        {
            finding.Record(row.Details, _index.Resolve(row, "ActionRef", row.Details.ActionRef, RecordKind.Actions));
        }

        foreach (var (row, audit) in audits)
        {
            var unchanged = audit.Details == row.Details.Audit && audit.Themes.Select(t => t.Details).ToHashSet().SetEquals(row.Details.Themes);
            if (!unchanged)
            {
                audit.Record(row.Details.Audit, row.Details.Themes);
            }
        }

        var cited = await EvidenceLinking.CurrentAsync(_db, [.. statements.Select(s => s.Record.Id), .. risks.Select(r => r.Record.Id)], cancellationToken);
        staffing.ForEach(s => s.Record.Record(s.Row.Details));
        feedback.ForEach(f => f.Record.Record(f.Row.Details));
        assessments.ForEach(a => a.Record.Record(a.Row.Details));
        foreach (var (row, statement) in statements)
        {
            statement.Record(row.Details);
            EvidenceLinking.Replace(_db, _siteId, new RecordLink(RecordKind.Assurance, statement.Id), cited[statement.Id], _index.ResolveEvidence(row, "EvidenceRefs", row.Details.EvidenceRefs));
        }

        foreach (var (row, risk) in risks)
        {
            risk.Record(row.Details, _index.Resolve(row, "CurrentActionRef", row.Details.CurrentActionRef, RecordKind.Actions));
            EvidenceLinking.Replace(_db, _siteId, new RecordLink(RecordKind.Recovery, risk.Id), cited[risk.Id], _index.ResolveEvidence(row, "EvidenceRefs", row.Details.EvidenceRefs));
        }

        await ReplaceSnapshotAsync(_db.Training, content.Training, period, t => t.Details, d => new TrainingRecord(_siteId, period.FirstDay, d), cancellationToken);
        await ReplaceSnapshotAsync(_db.Supervision, content.Supervision, period, s => s.Details, d => new SupervisionRecord(_siteId, period.FirstDay, d), cancellationToken);
    }

    private RecordKind KindOf(RecordKind[] kinds, string reference) => kinds.First(kind => _index.Find(kind, reference) is not null);

    private async Task<List<(Parsed<TDetails> Row, T Record)>> FindOrCreateAsync<T, TDetails>(
        IQueryable<T> records, IReadOnlyList<Parsed<TDetails>> rows, RecordKind kind, Func<TDetails, string> refOf, Func<TDetails, T> create, CancellationToken cancellationToken)
        where T : SiteRecord
    {
        var ids = rows.Select(r => _index.Find(kind, refOf(r.Details))).OfType<Guid>().ToList();
        var existing = await records.Where(r => r.SiteId == _siteId && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var result = new List<(Parsed<TDetails>, T)>();
        foreach (var row in rows)
        {
            var record = _index.Find(kind, refOf(row.Details)) is { } id && existing.TryGetValue(id, out var found) ? found : null;
            if (record is null)
            {
                record = create(row.Details);
                _db.Add(record);
                _index.Add(kind, record.Ref, record.Id);
            }

            result.Add((row, record));
        }

        return result;
    }

    /// <summary>Training and supervision replace the month's whole snapshot, unless it is unchanged.</summary>
    private async Task ReplaceSnapshotAsync<T, TDetails>(
        DbSet<T> records, IReadOnlyList<Parsed<TDetails>>? rows, PackPeriod period, Func<T, TDetails> detailsOf, Func<TDetails, T> create, CancellationToken cancellationToken)
        where T : Domain.Common.Entity
    {
        if (rows is null)
        {
            return;
        }

        var month = await records.Where(r => EF.Property<Guid>(r, "SiteId") == _siteId && EF.Property<DateOnly>(r, "Period") == period.FirstDay).ToListAsync(cancellationToken);
        var incoming = rows.Select(r => r.Details).ToList();
        if (month.Select(detailsOf).ToHashSet().SetEquals(incoming) && month.Count == incoming.Count)
        {
            return;
        }

        records.RemoveRange(month);
        records.AddRange(incoming.Select(create));
    }
}
