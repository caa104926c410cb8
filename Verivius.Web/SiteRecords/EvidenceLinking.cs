using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>Sets the evidence an assurance statement or a recovery risk cites, from a pack or a form alike.</summary>
internal static class EvidenceLinking
{
    /// <summary>The links the given statements or risks cite now, in one query, to pass to <see cref="Replace"/>.</summary>
    public static async Task<ILookup<Guid, EvidenceLink>> CurrentAsync(VeriviusDbContext db, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken) =>
        (await db.EvidenceLinks.Where(l => ownerIds.Contains(l.OwnerId)).ToListAsync(cancellationToken)).ToLookup(l => l.OwnerId);

    /// <summary>Replaces the owner's links, touching nothing when it cites the same evidence as before.</summary>
    public static void Replace(VeriviusDbContext db, Guid siteId, RecordLink owner, IEnumerable<EvidenceLink> current, IEnumerable<(RecordLink Link, string WrittenAs)> evidence)
    {
        var wanted = evidence.DistinctBy(e => e.Link).ToList();
        var links = current.ToList();
        if (links.Select(l => new RecordLink(l.EvidenceKind, l.EvidenceId)).ToHashSet().SetEquals(wanted.Select(e => e.Link)))
        {
            return;
        }

        db.EvidenceLinks.RemoveRange(links);
        db.EvidenceLinks.AddRange(wanted.Select(e => new EvidenceLink(siteId, owner, e.Link, e.WrittenAs)));
    }
}
