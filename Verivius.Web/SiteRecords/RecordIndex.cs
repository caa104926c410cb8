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
    private readonly Dictionary<RecordKind, Dictionary<string, (Guid Id, string Ref)>> _ids = [];
    private readonly List<PackIssue> _errors;

    private RecordIndex(List<PackIssue> errors) => _errors = errors;

    public static async Task<RecordIndex> LoadAsync(VeriviusDbContext db, Guid siteId, List<PackIssue> errors, CancellationToken cancellationToken)
    {
        var index = new RecordIndex(errors);
        foreach (var kind in RecordCatalogue.SiteRecords)
        {
            var ids = index.Ids(kind.Kind);
            foreach (var (reference, id) in await kind.RefsAsync(db, siteId, cancellationToken))
            {
                ids[reference] = (id, reference);
            }
        }

        return index;
    }

    /// <summary>Adds a record of this upload, so later rows and sheets can point to it.</summary>
    public void Add(RecordKind kind, string reference, Guid id) => Ids(kind)[reference] = (id, reference);

    public Guid? Find(RecordKind kind, string reference) => Lookup(kind, reference)?.Id;

    /// <summary>The record a reference names, with its reference as the site wrote it (<c>aud-1</c> finds <c>AUD-1</c>).</summary>
    public (Guid Id, string Ref)? Lookup(RecordKind kind, string reference) => Ids(kind).TryGetValue(reference.Trim(), out var found) ? found : null;

    /// <summary>The record a cell names, as the first of the kinds that has it, or null with an error at the cell when it names nothing.</summary>
    public RecordLink? Resolve<T>(Parsed<T> row, string column, string? reference, params RecordKind[] kinds)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        foreach (var kind in kinds)
        {
            if (Find(kind, reference) is { } id)
            {
                return new RecordLink(kind, id);
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
            if (Resolve(row, column, reference.Ref, reference.Kind) is { } link)
            {
                links.Add((link, reference.WrittenAs));
            }
        }

        return links;
    }

    private static string Describe(RecordKind[] kinds) => string.Join(" or ", kinds.Select(kind => RecordCatalogue.Of(kind).ReferenceNoun));

    private Dictionary<string, (Guid Id, string Ref)> Ids(RecordKind kind)
    {
        if (!_ids.TryGetValue(kind, out var ids))
        {
            ids = new Dictionary<string, (Guid Id, string Ref)>(StringComparer.OrdinalIgnoreCase);
            _ids[kind] = ids;
        }

        return ids;
    }
}
