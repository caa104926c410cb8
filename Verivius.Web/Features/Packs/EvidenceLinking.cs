using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Features.Packs;

/// <summary>Sets the evidence an assurance statement or a recovery risk cites, from a pack or a form alike.</summary>
internal static class EvidenceLinking
{
    /// <summary>Replaces the owner's links, touching nothing when it cites the same evidence as before.</summary>
    public static async Task ReplaceAsync(VeriviusDbContext db, Guid siteId, RecordLink owner, IEnumerable<(RecordLink Link, string WrittenAs)> evidence, CancellationToken cancellationToken)
    {
        var current = await db.EvidenceLinks.Where(l => l.OwnerKind == owner.Kind && l.OwnerId == owner.RecordId).ToListAsync(cancellationToken);
        var wanted = evidence.DistinctBy(e => e.Link).ToList();
        if (current.Select(l => new RecordLink(l.EvidenceKind, l.EvidenceId)).ToHashSet().SetEquals(wanted.Select(e => e.Link)))
        {
            return;
        }

        db.EvidenceLinks.RemoveRange(current);
        db.EvidenceLinks.AddRange(wanted.Select(e => new EvidenceLink(siteId, owner, e.Link, e.WrittenAs)));
    }
}
