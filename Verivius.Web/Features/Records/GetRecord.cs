using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Records;

/// <summary>One record of a site: what it says, what it points to and what points to it, and its history.</summary>
public sealed record GetRecordQuery(string SiteCode, string Kind, string Reference) : IQuery<RecordDetailVm>;

public sealed record RecordDetailVm(
    string SiteCode,
    string SiteName,
    SiteRecordKind Kind,
    string Ref,
    IReadOnlyList<(string Label, string Value)> Fields,
    IReadOnlyList<RecordLinkVm> Links,
    IReadOnlyList<RecordChallengeVm>? Challenges,
    IReadOnlyList<ChangeVm> History);

/// <summary>A challenge that names the record, as its page lists it; the list is null for someone who may not see the site's challenges.</summary>
public sealed record RecordChallengeVm(Guid Id, string Code, ChallengeSeverity Severity, ChallengeStatus Status, DateOnly RaisedOn);

/// <summary>A link from one record to another, said as the relation it is ("Action", "Evidence", "Raised from").</summary>
public sealed record RecordLinkVm(string Relation, SiteRecordKind Kind, string Ref);

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
        var kind = RecordCatalogue.BySlug(query.Kind) ?? throw new NotFoundException($"No kind of record called {query.Kind}.");
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var siteName = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var record = await kind.FindAsync(_db, site.SiteId, query.Reference, cancellationToken)
            ?? throw new NotFoundException($"No {kind.Singular.ToLowerInvariant()} {query.Reference} at this site.");
        var links = await LinksAsync(kind, record, cancellationToken);
        var challenges = SiteAccessPolicy.CanSeeChallenges(await _access.ScopeAsync(cancellationToken), site)
            ? await ChallengesOnAsync(site.SiteId, kind.Kind, record.Ref, cancellationToken)
            : null;
        var table = _db.Model.FindEntityType(record.GetType())!.GetTableName()!;
        var key = JsonSerializer.Serialize(new Dictionary<string, object> { ["Id"] = record.Id });
        var history = await _db.ChangeLog.AsNoTracking().Where(e => e.Entity == table && e.EntityKey == key).OrderByDescending(e => e.Sequence).ToListAsync(cancellationToken);
        return new RecordDetailVm(query.SiteCode, siteName, kind, record.Ref, Fields(record), links, challenges, await ChangeInWords.DescribeAsync(_db, history, cancellationToken));
    }

    /// <summary>Every challenge that names the record, those still standing first, through the challenge-subject index.</summary>
    private Task<List<RecordChallengeVm>> ChallengesOnAsync(Guid siteId, RecordKind kind, string reference, CancellationToken cancellationToken)
    {
        var active = ChallengeStatuses.Active;
        return _db.Challenges
            .Where(c => c.SiteId == siteId && c.Records.Any(s => s.Kind == kind && s.Ref == reference))
            .OrderBy(c => active.Contains(c.Status) ? 0 : 1).ThenByDescending(c => c.RaisedOn).ThenBy(c => c.Code)
            .Select(c => new RecordChallengeVm(c.Id, c.Code, c.Severity, c.Status, c.RaisedOn))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every field the workbook gave, in the format's order, as a person reads it.</summary>
    private static List<(string, string)> Fields(SiteRecord record)
    {
        var details = record.GetType().GetProperty("Details")?.GetValue(record)
            ?? (record as EvidenceAttachment)?.File;
        var fields = details?.GetType().GetProperties()
            .Where(p => p.Name != "EqualityContract")
            .Select(p => (PlainWords.Of(p.Name), Shown(p.GetValue(details))))
            .ToList() ?? [];
        if (record is Audit audit)
        {
            fields.AddRange(audit.Themes.Select(t => ($"Theme: {t.Details.Theme}", PlainWords.Of(t.Details.Result))));
        }

        return fields;
    }

    /// <summary>What the record points to, what points to it, and the evidence it cites, each with its reference.</summary>
    private async Task<List<RecordLinkVm>> LinksAsync(SiteRecordKind kind, SiteRecord record, CancellationToken cancellationToken)
    {
        var links = kind.LinksOf(record).ToList();
        foreach (var other in RecordCatalogue.SiteRecords)
        {
            links.AddRange(await other.PointingToAsync(_db, kind.Kind, record.Id, cancellationToken));
        }

        if (kind.CitesEvidence)
        {
            var cited = await _db.EvidenceLinks.AsNoTracking().Where(l => l.OwnerId == record.Id).Select(l => new { l.EvidenceKind, l.EvidenceId }).ToListAsync(cancellationToken);
            links.AddRange(cited.Select(c => ("Evidence", c.EvidenceKind, c.EvidenceId)));
        }

        var shown = new List<RecordLinkVm>();
        foreach (var (relation, linkedKind, id) in links)
        {
            if (RecordCatalogue.Of(linkedKind) is SiteRecordKind linked && await linked.RefOfAsync(_db, id, cancellationToken) is { } reference)
            {
                shown.Add(new RecordLinkVm(relation, linked, reference));
            }
        }

        return shown;
    }

    private static string Shown(object? value) => value switch
    {
        null => "—",
        DateOnly day => day.ToBritishDate(),
        bool flag => flag ? "Yes" : "No",
        double number => number.ToString("0.##", Uk),
        Enum choice => PlainWords.Of(choice.ToString()),
        _ => Convert.ToString(value, Uk) ?? "—",
    };

}
