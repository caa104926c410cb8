using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Records;

/// <summary>One kind of a site's records, filtered, sorted and a page at a time, projected in SQL.</summary>
public sealed record ListRecordsQuery(string SiteCode, string Kind, ListRequest Request) : IQuery<RecordListVm>;

public sealed record RecordListVm(string SiteCode, string SiteName, RecordKindInfo Kind, Page<RecordRowVm> Records);

internal sealed class ListRecordsHandler : IQueryHandler<ListRecordsQuery, RecordListVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ListRecordsHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<RecordListVm> Handle(ListRecordsQuery query, CancellationToken cancellationToken)
    {
        var kind = RecordKinds.Find(query.Kind) ?? throw new NotFoundException($"No kind of record called {query.Kind}.");
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var name = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var rows = Rows(kind.Kind, site.SiteId);
        if (query.Request.SafeFilter is { } filter)
        {
            rows = rows.Where(r => r.Ref.Contains(filter) || r.Summary.Contains(filter) || (r.Status != null && r.Status.Contains(filter)));
        }

        rows = (query.Request.Sort, query.Request.Descending) switch
        {
            ("ref", false) => rows.OrderBy(r => r.Ref),
            ("ref", true) => rows.OrderByDescending(r => r.Ref),
            ("status", false) => rows.OrderBy(r => r.Status).ThenByDescending(r => r.Date),
            ("status", true) => rows.OrderByDescending(r => r.Status).ThenByDescending(r => r.Date),
            ("date", false) => rows.OrderBy(r => r.Date).ThenBy(r => r.Ref),
            _ => rows.OrderByDescending(r => r.Date).ThenBy(r => r.Ref),
        };
        return new RecordListVm(query.SiteCode, name, kind, await rows.ToPageAsync(query.Request, cancellationToken));
    }

    private IQueryable<RecordRowVm> Rows(RecordKind kind, Guid siteId) => kind switch
    {
        RecordKind.Actions => _db.Actions.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.RaisedOn, Summary = r.Details.Title, Status = r.Details.Status.ToString() }),
        RecordKind.Meetings => _db.Meetings.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.HeldOn, Summary = r.Details.Type.ToString() + " meeting", Status = r.MinutesAttachmentId != null ? "Minutes attached" : null }),
        RecordKind.Decisions => _db.Decisions.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.MadeOn, Summary = r.Details.Decision, Status = r.ActionId != null ? "Has an action" : "No action" }),
        RecordKind.Incidents => _db.Incidents.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.OccurredOn, Summary = r.Details.Category.ToString() + ", " + r.Details.Severity.ToString(), Status = r.Details.Status.ToString() }),
        RecordKind.Complaints => _db.Complaints.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.ReceivedOn, Summary = r.Details.Theme, Status = r.Details.Outcome.ToString() }),
        RecordKind.Audits => _db.Audits.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.HeldOn, Summary = r.Details.AuditType, Status = r.Details.ScorePercent.ToString() + "%" }),
        RecordKind.Staffing => _db.Staffing.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.WeekStarting, Summary = r.Details.ShiftsUnfilled.ToString() + " of " + r.Details.ShiftsPlanned.ToString() + " shifts unfilled", Status = null }),
        RecordKind.Feedback => _db.Feedback.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.ReceivedOn, Summary = r.Details.Theme, Status = r.Details.Sentiment.ToString() }),
        RecordKind.Inspection => _db.InspectionFindings.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.InspectedOn, Summary = r.Details.Finding, Status = r.Details.Kind.ToString() }),
        RecordKind.Assurance => _db.AssuranceStatements.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = null, Summary = r.Details.Statement, Status = r.Details.Rating.ToString() }),
        RecordKind.Recovery => _db.RecoveryRisks.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = r.Details.ReviewOn, Summary = r.Details.Risk, Status = r.Details.Trend.ToString() }),
        RecordKind.SelfAssessment => _db.SelfAssessments.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = null, Summary = r.Details.QualityStatement, Status = r.Details.Rating.ToString() }),
        RecordKind.Attachment => _db.Attachments.Where(r => r.SiteId == siteId).Select(r => new RecordRowVm { Ref = r.Ref, Date = null, Summary = r.File.ContentType, Status = null }),
        _ => throw new NotFoundException($"No list of {kind}."),
    };
}
