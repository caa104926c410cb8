using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// Brings challenges raised record by record under catalogue v1 to v2's one challenge per site and code
/// for the volume rules, on the first start after the upgrade (see <see cref="Challenge.RollUp"/>). It
/// writes through the context, so the change log holds every step; a decision's minute follows its
/// challenge. Returns the sites it changed, whose findings the caller should describe again.
/// </summary>
public static class ChallengeRollUp
{
    private const int SitesPerSave = 50;

    public static async Task<IReadOnlyList<Guid>> FoldAsync(VeriviusDbContext db, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = RolledUpFindings.Codes.ToList();
        var sites = await db.Challenges
            .Where(c => codes.Contains(c.Code) && c.Key != RolledUpFindings.SiteKey
                && (c.Status == ChallengeStatus.Open || c.Status == ChallengeStatus.Responded || c.Status == ChallengeStatus.Escalated))
            .Select(c => c.SiteId)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var batch in sites.Order().Chunk(SitesPerSave))
        {
            var challenges = await db.Challenges.Include(c => c.History).Where(c => batch.Contains(c.SiteId) && codes.Contains(c.Code)).ToListAsync(cancellationToken);
            var folded = challenges.GroupBy(c => (c.SiteId, c.Code)).SelectMany(g => Fold([.. g], on)).ToList();
            var keptOf = folded.ToDictionary(f => f.Folded.Id, f => f.Kept);
            var ids = keptOf.Keys.ToList();
            foreach (var minute in await db.OversightMinutes.Where(m => ids.Contains(m.ChallengeId)).ToListAsync(cancellationToken))
            {
                minute.Regarding(keptOf[minute.ChallengeId]);
            }

            db.Challenges.RemoveRange(folded.Select(f => f.Folded));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return sites;
    }

    private static IEnumerable<(Challenge Folded, Guid Kept)> Fold(IReadOnlyList<Challenge> challenges, DateOnly on)
    {
        var folded = Challenge.RollUp(challenges, on);
        if (folded.Count == 0)
        {
            return [];
        }

        var kept = challenges.Single(c => c.Key == RolledUpFindings.SiteKey);
        return folded.Select(f => (f, kept.Id));
    }
}
