using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// Every reference a workbook may point to for one site: the site's records from earlier packs and the
/// rows of this workbook. References match ignoring case, as the workbook's own duplicate check does.
/// </summary>
internal sealed class RecordIndex
{
    /// <summary>The record types whose references the index holds: every kind a pack writes or points to.</summary>
    internal static readonly (Type Type, RecordKind Kind)[] Indexed =
    [
        (typeof(ImprovementAction), RecordKind.Actions), (typeof(GovernanceMeeting), RecordKind.Meetings), (typeof(MeetingDecision), RecordKind.Decisions),
        (typeof(Incident), RecordKind.Incidents), (typeof(Complaint), RecordKind.Complaints), (typeof(Audit), RecordKind.Audits),
        (typeof(StaffingWeek), RecordKind.Staffing), (typeof(FeedbackItem), RecordKind.Feedback), (typeof(InspectionFinding), RecordKind.Inspection),
        (typeof(RecoveryRisk), RecordKind.Recovery), (typeof(AssuranceStatement), RecordKind.Assurance), (typeof(SelfAssessment), RecordKind.SelfAssessment),
        (typeof(EvidenceAttachment), RecordKind.Attachment),
    ];

    private static readonly System.Reflection.MethodInfo LoadKind =
        typeof(RecordIndex).GetMethod(nameof(AddAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private readonly Dictionary<RecordKind, Dictionary<string, Guid>> _ids = [];
    private readonly List<PackIssue> _errors;

    private RecordIndex(List<PackIssue> errors) => _errors = errors;

    public static async Task<RecordIndex> LoadAsync(VeriviusDbContext db, Guid siteId, List<PackIssue> errors, CancellationToken cancellationToken)
    {
        var index = new RecordIndex(errors);
        foreach (var (type, kind) in Indexed)
        {
            await (Task)LoadKind.MakeGenericMethod(type).Invoke(index, [kind, db, siteId, cancellationToken])!;
        }

        return index;
    }

    /// <summary>Adds a record of this upload, so later rows and sheets can point to it.</summary>
    public void Add(RecordKind kind, string reference, Guid id) => Ids(kind)[reference] = id;

    public Guid? Find(RecordKind kind, string reference) => Ids(kind).TryGetValue(reference.Trim(), out var id) ? id : null;

    /// <summary>The id a cell names, or null with an error at the cell when it names nothing.</summary>
    public Guid? Resolve<T>(Parsed<T> row, string column, string? reference, params RecordKind[] kinds)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        foreach (var kind in kinds)
        {
            if (Find(kind, reference) is { } id)
            {
                return id;
            }
        }

        _errors.Add(new PackIssue(row.Layout.Sheet, row.CellOf(column), $"\"{reference.Trim()}\" is not {Describe(kinds)} of this workbook or of an earlier pack for this site"));
        return null;
    }

    /// <summary>Resolves a list of evidence references; each that names nothing is an error at the cell.</summary>
    public List<(RecordLink Link, string WrittenAs)> ResolveEvidence<T>(Parsed<T> row, string column, string? references)
    {
        var links = new List<(RecordLink, string)>();
        foreach (var reference in EvidenceReference.ParseList(references).References)
        {
            if (Resolve(row, column, reference.Ref, reference.Kind) is { } id)
            {
                links.Add((new RecordLink(reference.Kind, id), reference.WrittenAs));
            }
        }

        return links;
    }

    private static string Describe(RecordKind[] kinds) => string.Join(" or ", kinds.Select(kind => kind switch
    {
        RecordKind.Actions => "an ActionRef",
        RecordKind.Meetings => "a MeetingRef",
        RecordKind.Decisions => "a DecisionRef",
        RecordKind.Incidents => "an IncidentRef",
        RecordKind.Complaints => "a ComplaintRef",
        RecordKind.Audits => "an AuditRef",
        RecordKind.Staffing => "a WeekStarting of the Staffing sheet",
        RecordKind.Feedback => "a FeedbackRef",
        RecordKind.Inspection => "a FindingRef",
        RecordKind.Recovery => "a RiskRef",
        RecordKind.Attachment => "an attachment",
        _ => kind.ToString(),
    }));

    private Dictionary<string, Guid> Ids(RecordKind kind)
    {
        if (!_ids.TryGetValue(kind, out var ids))
        {
            ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            _ids[kind] = ids;
        }

        return ids;
    }

    private async Task AddAsync<T>(RecordKind kind, VeriviusDbContext db, Guid siteId, CancellationToken cancellationToken)
        where T : SiteRecord
    {
        foreach (var record in await db.Set<T>().AsNoTracking().Where(r => r.SiteId == siteId).Select(r => new { r.Ref, r.Id }).ToListAsync(cancellationToken))
        {
            Ids(kind)[record.Ref] = record.Id;
        }
    }
}
