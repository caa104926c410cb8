using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Readiness;

/// <summary>
/// "What changes for us": the crosswalk from one held version to a later one,
/// each earlier item beside the item that carries it, with every site's evidence of the last twelve
/// months counted under each, so a provider sees where its records land before it switches.
/// </summary>
public sealed record GetFrameworkChangesQuery(string From, string To) : IQuery<FrameworkChangesVm>;

public sealed record FrameworkChangesVm(string FromVersion, string FromName, string ToVersion, string ToName, IReadOnlyList<CrosswalkRowVm> Links, IReadOnlyList<SiteMoveVm> Sites, DateOnly AsOf);

/// <summary>One earlier item and where it goes; no later item when the later version leaves it out.</summary>
public sealed record CrosswalkRowVm(string FromCode, string FromTitle, string? ToCode, string? ToTitle, string? Note);

/// <summary>One site's records counted under each earlier item and under the item it goes to, in the order of the links.</summary>
public sealed record SiteMoveVm(string Code, string Name, IReadOnlyList<(int Before, int? After)> Counts);

internal sealed class GetFrameworkChangesHandler : IQueryHandler<GetFrameworkChangesQuery, FrameworkChangesVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public GetFrameworkChangesHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<FrameworkChangesVm> Handle(GetFrameworkChangesQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var from = await FrameworkInUse.OfVersionAsync(_db, providerId, query.From.Trim(), cancellationToken)
            ?? throw new NotFoundException($"There is no framework version {query.From}.");
        var to = await FrameworkInUse.OfVersionAsync(_db, providerId, query.To.Trim(), cancellationToken)
            ?? throw new NotFoundException($"There is no framework version {query.To}.");
        var links = await _db.FrameworkCrosswalk.AsNoTracking()
            .Where(l => l.FromVersion == from.Framework.Version && l.ToVersion == to.Framework.Version)
            .ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            throw new NotFoundException($"No crosswalk from version {from.Framework.Version} to {to.Framework.Version} is held.");
        }

        var rows = from.Framework.Judged
            .Select(item => (Item: item, Link: links.FirstOrDefault(l => l.FromCode == item.Code)))
            .Where(r => r.Link is not null)
            .Select(r => new CrosswalkRowVm(r.Item.Code, r.Item.Title, r.Link!.ToCode, r.Link.ToCode is { } code ? to.Framework.JudgedItemNamed(code)?.Title : null, r.Link.Note))
            .ToList();
        var kindSets = rows.Select(r => from.KindsByCode[r.FromCode])
            .Concat(rows.Select(r => r.ToCode is { } code ? to.KindsByCode[code] : new HashSet<RecordKind>()))
            .ToList();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var sites = await _db.Sites.AsNoTracking().Where(s => s.ProviderId == providerId && s.IsActive).OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken);
        var moves = new List<SiteMoveVm>();
        foreach (var batch in sites.Chunk(50))
        {
            var evidence = await SiteEvidenceLoader.LoadAsync(_db, [.. batch.Select(s => s.Id)], today, cancellationToken);
            moves.AddRange(batch.Select(site =>
            {
                var counts = KeyLineReadiness.RecordCounts(evidence[site.Id], today, kindSets);
                return new SiteMoveVm(site.Code, site.Name, [.. rows.Select((row, i) => (counts[i], row.ToCode is null ? (int?)null : counts[rows.Count + i]))]);
            }));
        }

        return new FrameworkChangesVm(from.Framework.Version, from.Framework.Name, to.Framework.Version, to.Framework.Name, rows, moves, today);
    }
}
