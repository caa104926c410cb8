using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Records;

/// <summary>One record of a site: what it says, what it points to and what points to it, and its history.</summary>
public sealed record GetRecordQuery(string SiteCode, string Kind, string Reference) : IQuery<RecordDetailVm>;

public sealed record RecordDetailVm(
    string SiteCode,
    string SiteName,
    RecordKindInfo Kind,
    string Ref,
    IReadOnlyList<(string Label, string Value)> Fields,
    IReadOnlyList<RecordLinkVm> Links,
    IReadOnlyList<ChangeLogEntry> History);

/// <summary>A link from one record to another, said as the relation it is ("Action", "Evidence", "Raised from").</summary>
public sealed record RecordLinkVm(string Relation, RecordKindInfo Kind, string Ref);

internal sealed partial class GetRecordHandler : IQueryHandler<GetRecordQuery, RecordDetailVm>
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public GetRecordHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<RecordDetailVm> Handle(GetRecordQuery query, CancellationToken cancellationToken)
    {
        var kind = RecordKinds.Find(query.Kind) ?? throw new NotFoundException($"No kind of record called {query.Kind}.");
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var siteName = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var record = await LoadAsync(kind.Kind, site.SiteId, query.Reference, cancellationToken)
            ?? throw new NotFoundException($"No {kind.Singular.ToLowerInvariant()} {query.Reference} at this site.");
        var links = await LinksAsync(record, cancellationToken);
        var table = _db.Model.FindEntityType(record.GetType())!.GetTableName()!;
        var key = JsonSerializer.Serialize(new Dictionary<string, object> { ["Id"] = record.Id });
        var history = await _db.ChangeLog.AsNoTracking().Where(e => e.Entity == table && e.EntityKey == key).OrderByDescending(e => e.Sequence).ToListAsync(cancellationToken);
        return new RecordDetailVm(query.SiteCode, siteName, kind, record.Ref, Fields(record), links, history);
    }

    private Task<SiteRecord?> LoadAsync(RecordKind kind, Guid siteId, string reference, CancellationToken cancellationToken) => kind switch
    {
        RecordKind.Actions => Find(_db.Actions, siteId, reference, cancellationToken),
        RecordKind.Meetings => Find(_db.Meetings, siteId, reference, cancellationToken),
        RecordKind.Decisions => Find(_db.Decisions, siteId, reference, cancellationToken),
        RecordKind.Incidents => Find(_db.Incidents, siteId, reference, cancellationToken),
        RecordKind.Complaints => Find(_db.Complaints, siteId, reference, cancellationToken),
        RecordKind.Audits => Find(_db.Audits.Include(a => a.Themes), siteId, reference, cancellationToken),
        RecordKind.Staffing => Find(_db.Staffing, siteId, reference, cancellationToken),
        RecordKind.Feedback => Find(_db.Feedback, siteId, reference, cancellationToken),
        RecordKind.Inspection => Find(_db.InspectionFindings, siteId, reference, cancellationToken),
        RecordKind.Assurance => Find(_db.AssuranceStatements, siteId, reference, cancellationToken),
        RecordKind.Recovery => Find(_db.RecoveryRisks, siteId, reference, cancellationToken),
        RecordKind.SelfAssessment => Find(_db.SelfAssessments, siteId, reference, cancellationToken),
        RecordKind.Attachment => Find(_db.Attachments, siteId, reference, cancellationToken),
        _ => Task.FromResult<SiteRecord?>(null),
    };

    private static async Task<SiteRecord?> Find<T>(IQueryable<T> records, Guid siteId, string reference, CancellationToken cancellationToken)
        where T : SiteRecord =>
        await records.AsNoTracking().FirstOrDefaultAsync(r => r.SiteId == siteId && r.Ref == reference, cancellationToken);

    /// <summary>Every field the workbook gave, in the format's order, as a person reads it.</summary>
    private static List<(string, string)> Fields(SiteRecord record)
    {
        var details = record.GetType().GetProperty("Details")?.GetValue(record)
            ?? (record as EvidenceAttachment)?.File;
        var fields = details?.GetType().GetProperties()
            .Where(p => p.Name != "EqualityContract")
            .Select(p => (Words(p.Name), Shown(p.GetValue(details))))
            .ToList() ?? [];
        if (record is Audit audit)
        {
            fields.AddRange(audit.Themes.Select(t => ($"Theme: {t.Details.Theme}", Words(t.Details.Result.ToString()))));
        }

        return fields;
    }

    private async Task<List<RecordLinkVm>> LinksAsync(SiteRecord record, CancellationToken cancellationToken)
    {
        var links = new List<(string Relation, RecordKind Kind, Guid Id)>();
        void To(string relation, RecordKind kind, Guid? id)
        {
            if (id is { } value)
            {
                links.Add((relation, kind, value));
            }
        }

        switch (record)
        {
            case ImprovementAction action:
                To("Raised from", action.SourceKind ?? RecordKind.Actions, action.SourceRecordId);
                To("Closure evidence", action.ClosureEvidenceKind ?? RecordKind.Actions, action.ClosureEvidenceId);
                await FromAsync(links, "Carried out for", RecordKind.Incidents, _db.Incidents.Where(i => i.ActionId == action.Id).Select(i => i.Id), cancellationToken);
                await FromAsync(links, "Carried out for", RecordKind.Decisions, _db.Decisions.Where(d => d.ActionId == action.Id).Select(d => d.Id), cancellationToken);
                await FromAsync(links, "Carried out for", RecordKind.Complaints, _db.Complaints.Where(c => c.ActionId == action.Id).Select(c => c.Id), cancellationToken);
                await FromAsync(links, "Carried out for", RecordKind.Inspection, _db.InspectionFindings.Where(f => f.ActionId == action.Id).Select(f => f.Id), cancellationToken);
                await FromAsync(links, "Current action of", RecordKind.Recovery, _db.RecoveryRisks.Where(r => r.CurrentActionId == action.Id).Select(r => r.Id), cancellationToken);
                break;
            case GovernanceMeeting meeting:
                To("Minutes", RecordKind.Attachment, meeting.MinutesAttachmentId);
                await FromAsync(links, "Decision", RecordKind.Decisions, _db.Decisions.Where(d => d.MeetingId == meeting.Id).Select(d => d.Id), cancellationToken);
                break;
            case MeetingDecision decision:
                To("Made at", RecordKind.Meetings, decision.MeetingId);
                To("Action", RecordKind.Actions, decision.ActionId);
                break;
            case Incident incident:
                To("Action", RecordKind.Actions, incident.ActionId);
                break;
            case Complaint complaint:
                To("Action", RecordKind.Actions, complaint.ActionId);
                break;
            case InspectionFinding finding:
                To("Action", RecordKind.Actions, finding.ActionId);
                break;
            case RecoveryRisk risk:
                To("Current action", RecordKind.Actions, risk.CurrentActionId);
                break;
        }

        if (record is AssuranceStatement or RecoveryRisk)
        {
            var cited = await _db.EvidenceLinks.AsNoTracking().Where(l => l.OwnerId == record.Id).Select(l => new { l.EvidenceKind, l.EvidenceId }).ToListAsync(cancellationToken);
            links.AddRange(cited.Select(c => ("Evidence", c.EvidenceKind, c.EvidenceId)));
        }

        var shown = new List<RecordLinkVm>();
        foreach (var (relation, kind, id) in links)
        {
            if (await RefOfAsync(kind, id, cancellationToken) is { } reference)
            {
                shown.Add(new RecordLinkVm(relation, RecordKinds.Of(kind), reference));
            }
        }

        return shown;
    }

    private static async Task FromAsync(List<(string, RecordKind, Guid)> links, string relation, RecordKind kind, IQueryable<Guid> ids, CancellationToken cancellationToken) =>
        links.AddRange((await ids.ToListAsync(cancellationToken)).Select(id => (relation, kind, id)));

    private Task<string?> RefOfAsync(RecordKind kind, Guid id, CancellationToken cancellationToken) => kind switch
    {
        RecordKind.Actions => RefIn(_db.Actions, id, cancellationToken),
        RecordKind.Meetings => RefIn(_db.Meetings, id, cancellationToken),
        RecordKind.Decisions => RefIn(_db.Decisions, id, cancellationToken),
        RecordKind.Incidents => RefIn(_db.Incidents, id, cancellationToken),
        RecordKind.Complaints => RefIn(_db.Complaints, id, cancellationToken),
        RecordKind.Audits => RefIn(_db.Audits, id, cancellationToken),
        RecordKind.Staffing => RefIn(_db.Staffing, id, cancellationToken),
        RecordKind.Feedback => RefIn(_db.Feedback, id, cancellationToken),
        RecordKind.Inspection => RefIn(_db.InspectionFindings, id, cancellationToken),
        RecordKind.Recovery => RefIn(_db.RecoveryRisks, id, cancellationToken),
        RecordKind.Attachment => RefIn(_db.Attachments, id, cancellationToken),
        _ => Task.FromResult<string?>(null),
    };

    private static Task<string?> RefIn<T>(IQueryable<T> records, Guid id, CancellationToken cancellationToken)
        where T : SiteRecord => records.Where(r => r.Id == id).Select(r => (string?)r.Ref).FirstOrDefaultAsync(cancellationToken);

    private static string Shown(object? value) => value switch
    {
        null => "—",
        DateOnly day => day.ToBritishDate(),
        bool flag => flag ? "Yes" : "No",
        double number => number.ToString("0.##", Uk),
        Enum choice => Words(choice.ToString()),
        _ => Convert.ToString(value, Uk) ?? "—",
    };

    /// <summary>"CqcNotifiable" reads as "Cqc notifiable"; "PartlyMet" as "Partly met".</summary>
    private static string Words(string name)
    {
        var spaced = CamelHumps().Replace(name, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHumps();
}
