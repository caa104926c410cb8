using Microsoft.EntityFrameworkCore;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// Gives challenges raised before their subjects were kept as rows those rows, on the first start after
/// the upgrade. It writes through the context, so the change log holds the rows as it holds any write.
/// </summary>
public static class ChallengeSubjectRows
{
    private const int Batch = 500;

    public static async Task<int> WriteMissingAsync(VeriviusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var written = 0;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Challenges.Where(c => c.Subjects != "" && !c.Records.Any() && c.Id.CompareTo(after) > 0).OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return written;
            }

            written += batch.Count(c => c.KeepSubjectsAsRows());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
