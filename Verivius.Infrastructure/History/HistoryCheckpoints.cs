using Microsoft.EntityFrameworkCore;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.History;

/// <summary>Takes checkpoints of the change log, and checks the log against them.</summary>
public static class HistoryCheckpoints
{
    /// <summary>The checkpoint of the log's last entry: the one already taken there, or a new one.</summary>
    public static async Task<HistoryCheckpoint?> TakeAsync(VeriviusDbContext db, ChainKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.ChangeLog.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return null;
        }

        if (await db.HistoryCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Sequence == last.Sequence, cancellationToken) is { } taken)
        {
            return taken;
        }

        var checkpoint = new HistoryCheckpoint(last, now, key);
        db.HistoryCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance checkpointed the same entry a moment before: that one stands.
            db.ChangeTracker.Clear();
            return await db.HistoryCheckpoints.AsNoTracking().SingleAsync(c => c.Sequence == last.Sequence, cancellationToken);
        }

        return checkpoint;
    }

    /// <summary>
    /// Every stored checkpoint that is forged (not sealed by the key) or that the log no longer
    /// agrees with, and what a checkpoint reference from outside (a document's footer) says, in words.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DisagreementsAsync(VeriviusDbContext db, ChainKey key, string? outsideReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        var lastSequence = await db.ChangeLog.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var problems = new List<string>();
        foreach (var checkpoint in await db.HistoryCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken))
        {
            if (!checkpoint.IsGenuine(key))
            {
                problems.Add($"checkpoint {checkpoint.Reference} is not sealed with the log's key: it was forged or altered");
                continue;
            }

            var hash = await HashAtAsync(db, checkpoint.Sequence, cancellationToken);
            if (HistoryCheckpoint.Disagreement(checkpoint.Reference, lastSequence, hash) is { } problem)
            {
                problems.Add($"the checkpoint of {checkpoint.At:d MMM yyyy HH:mm} UTC disagrees: {problem}");
            }
        }

        if (outsideReference is not null)
        {
            var sequence = long.TryParse(outsideReference.Split(':')[0], out var parsed) ? parsed : -1;
            if (HistoryCheckpoint.Disagreement(outsideReference.Trim().ToLowerInvariant(), lastSequence, await HashAtAsync(db, sequence, cancellationToken)) is { } problem)
            {
                problems.Add($"the checkpoint {outsideReference} disagrees: {problem}");
            }
        }

        return problems;
    }

    private static async Task<string?> HashAtAsync(VeriviusDbContext db, long sequence, CancellationToken cancellationToken) =>
        await db.ChangeLog.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
}
