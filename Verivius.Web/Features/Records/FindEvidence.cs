using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Records;

/// <summary>
/// The site's records and attachments an answer may cite, found by a few letters of their reference or
/// summary, each with the reference to cite it by. Serves the evidence picker as you type, and its
/// page for browsers without script.
/// </summary>
public sealed record FindEvidenceQuery(string SiteCode, string? Text) : IQuery<EvidenceMatchesVm>;

public sealed record EvidenceMatchesVm(string SiteCode, string SiteName, string Text, IReadOnlyList<EvidenceMatch> Matches, bool MoreThanShown)
{
    /// <summary>How many matches a search returns at most: enough to choose from, few enough to read.</summary>
    public const int Shown = 20;

    /// <summary>Fewer letters than this match too much to be worth a search.</summary>
    public const int ShortestText = 2;
}

/// <summary>One record that matches: <see cref="Cite"/> is what goes in the evidence field (<c>Audits:AUD-3</c>, or a file name).</summary>
public sealed record EvidenceMatch(string Cite, string Kind, string Slug, string Ref, string Summary, DateOnly? Date);

internal sealed class FindEvidenceHandler : IQueryHandler<FindEvidenceQuery, EvidenceMatchesVm>
{
    private const int LongestText = 100;

    private static readonly SiteRecordKind[] CitableKinds = [.. RecordCatalogue.SiteRecords.Where(k => k.Citable || k.Kind == RecordKind.Attachment)];

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public FindEvidenceHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<EvidenceMatchesVm> Handle(FindEvidenceQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ReadableSiteAsync(query.SiteCode, cancellationToken);
        var name = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var text = (query.Text ?? "").Trim();
        text = text[..Math.Min(text.Length, LongestText)];
        if (text.Length < EvidenceMatchesVm.ShortestText)
        {
            return new EvidenceMatchesVm(query.SiteCode, name, text, [], false);
        }

        // Lower on both sides matches regardless of case on every engine (SQLite's instr and
        // PostgreSQL's LIKE are case-sensitive); a reference that starts with the text leads. The
        // comparison overloads CA1862 asks for do not translate to SQL.
#pragma warning disable CA1862
        var lower = text.ToLowerInvariant();

        // A summary made of choices is stored by their names ("MissingPerson") and shown in words
        // ("Missing person"), so the words typed are also matched with their spaces taken out.
        var joined = lower.Replace(" ", "", StringComparison.Ordinal);
        var matches = new List<EvidenceMatch>();
        foreach (var kind in CitableKinds)
        {
            var rows = await kind.ListRows(_db, site.SiteId)
                .Where(r => r.Ref.ToLower().Contains(lower) || r.Summary.ToLower().Contains(lower) || r.Summary.ToLower().Contains(joined))
                .OrderBy(r => r.Ref.ToLower().StartsWith(lower) ? 0 : 1).ThenByDescending(r => r.Date).ThenBy(r => r.Ref)
                .Take(EvidenceMatchesVm.Shown + 1 - matches.Count)
                .ToListAsync(cancellationToken);
#pragma warning restore CA1862
            matches.AddRange(rows.Select(r => new EvidenceMatch(CiteAs(kind.Kind, r.Ref), kind.Singular, kind.Slug, r.Ref, kind.SummaryInWords(r.Summary), r.Date)));
            if (matches.Count > EvidenceMatchesVm.Shown)
            {
                break;
            }
        }

        return new EvidenceMatchesVm(query.SiteCode, name, text, matches.Take(EvidenceMatchesVm.Shown).ToList(), matches.Count > EvidenceMatchesVm.Shown);
    }

    /// <summary>As an evidence field reads it back: a sheet's row by <c>Sheet:Ref</c>, an attachment by its file name.</summary>
    private static string CiteAs(RecordKind kind, string reference) => kind == RecordKind.Attachment ? reference : $"{kind}:{reference}";
}
