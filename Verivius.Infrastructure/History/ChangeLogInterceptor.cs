using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Verivius.Domain.Common;
using Verivius.Domain.History;

using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.History;

/// <summary>
/// Writes a change-log entry for every insert, update and delete that a save makes, as part of that
/// same save (and so the same transaction), and stamps entities with who changed them and when.
/// The portal's context has detected the save's changes before this runs (<see cref="VeriviusDbContext.SaveChangesAsync(bool, CancellationToken)"/>).
/// </summary>
public sealed class ChangeLogInterceptor : SaveChangesInterceptor
{
    // Entries are chained, so appends must take turns. Within one process this gate orders them; across
    // processes the log's primary key (the sequence) makes a second writer of entry N fail, not fork.
    private static readonly SemaphoreSlim AppendGate = new(1, 1);

    private const string EntriesSavepoint = "ChangeLogEntries";

    private readonly IActorContext _actor;
    private readonly TimeProvider _clock;
    private readonly ChainKey _key;
    private bool _holdingGate;
    private IDbContextTransaction? _entriesSavepoint;

    public ChangeLogInterceptor(IActorContext actor, TimeProvider clock, ChainKey key)
    {
        _actor = actor;
        _clock = clock;
        _key = key;
    }

    // The portal's context routes a synchronous save to its asynchronous one; these keep any other path the same.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context!;
        if (context is not VeriviusDbContext { HoldsChangeLogGate: true })
        {
            await AppendGate.WaitAsync(cancellationToken);
            _holdingGate = true;
        }

        try
        {
            await AppendEntriesAsync(context, await LastEntryQuery(context).FirstOrDefaultAsync(cancellationToken), cancellationToken);
        }
        catch
        {
            // Whether or not EF reports the save failed after this, none of its entries may stay.
            await UndoEntriesAsync(CancellationToken.None);
            ReleaseGate();
            throw;
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_entriesSavepoint is { } transaction)
        {
            _entriesSavepoint = null;
            await transaction.ReleaseSavepointAsync(EntriesSavepoint, cancellationToken);
        }

        ReleaseGateOnceCommitted(eventData.Context);
        return result;
    }

    /// <summary>
    /// A save inside a transaction the portal's context opened for it (to count figures in the same transaction) is
    /// not yet visible to other connections: until it commits, the next writer would read the same last entry and
    /// write the same sequence. The gate is then released when the context ends that transaction.
    /// </summary>
    private void ReleaseGateOnceCommitted(DbContext? context)
    {
        if (context is VeriviusDbContext { HoldsChangeLogUntilCommit: true } portal && _holdingGate)
        {
            _holdingGate = false;
            portal.AfterTransaction(() => AppendGate.Release());
            return;
        }

        ReleaseGate();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        await UndoEntriesAsync(cancellationToken);
        ReleaseGate();
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        SaveChangesCanceledAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        await UndoEntriesAsync(CancellationToken.None);
        ReleaseGate();
    }

    /// <summary>
    /// The entries are written before the records, and EF undoes a failed save within an open transaction
    /// only back to its own savepoint, after them: a caller that carried on in the transaction would
    /// otherwise commit entries for changes that were never made.
    /// </summary>
    private async Task UndoEntriesAsync(CancellationToken cancellationToken)
    {
        if (_entriesSavepoint is { } transaction)
        {
            _entriesSavepoint = null;
            await transaction.RollbackToSavepointAsync(EntriesSavepoint, cancellationToken);
        }
    }

    private static IQueryable<ChangeLogEntry> LastEntryQuery(DbContext context) =>
        context.Set<ChangeLogEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).Take(1);

    private void ReleaseGate()
    {
        if (_holdingGate)
        {
            _holdingGate = false;
            AppendGate.Release();
        }
    }

    private async Task AppendEntriesAsync(DbContext context, ChangeLogEntry? last, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var actor = _actor.ActorName;
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsRecorded(e))
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var entries = new List<ChangeLogEntry>(changes.Count);
        foreach (var change in changes)
        {
            Stamp(change, actor, now);
            last = new ChangeLogEntry(
                last,
                now,
                actor,
                change.Metadata.GetTableName() ?? change.Metadata.ShortName(),
                RecordSnapshot.KeyOf(change),
                OperationOf(change.State),
                change.State == EntityState.Added ? null : RecordSnapshot.Of(change, original: true),
                change.State == EntityState.Deleted ? null : RecordSnapshot.Of(change, original: false),
                _key);
            entries.Add(last);
        }

        var transaction = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Change-log entries are written in the transaction of the save they record; none is open.");
        if (transaction.SupportsSavepoints)
        {
            await transaction.CreateSavepointAsync(EntriesSavepoint, cancellationToken);
            _entriesSavepoint = transaction;
        }

        try
        {
            await ChangeLogRows.InsertAsync(context, entries, cancellationToken);
        }
        catch (DbException failed)
        {
            throw new DbUpdateException($"The change log could not take entries {entries[0].Sequence} to {entries[^1].Sequence}: {failed.Message}", failed);
        }
    }

    private static void Stamp(EntityEntry change, string actor, DateTimeOffset now)
    {
        if (change.Entity is not Entity entity)
        {
            return;
        }

        if (change.State == EntityState.Added)
        {
            entity.StampCreated(actor, now);
        }
        else if (change.State == EntityState.Modified)
        {
            entity.StampUpdated(actor, now);

            // Changes were detected before the stamp: without this, a save with automatic detection off
            // (the pack import) would log the new stamp but leave the old one in the row.
            change.Property(nameof(Entity.UpdatedBy)).IsModified = true;
            change.Property(nameof(Entity.UpdatedAt)).IsModified = true;
        }
    }

    /// <summary>
    /// Sessions are sign-in bookkeeping, not records of care governance, and would flood the log; a
    /// checkpoint of the log recorded in the log would be one entry out of date the moment it was written;
    /// the outbox is delivery bookkeeping whose messages may carry single-use links; a site's monthly
    /// figures are counted from records the log already holds, and its judgement notes when the engine last read them.
    /// </summary>
    private static bool IsRecorded(EntityEntry change) => IsRecordedType(change.Entity.GetType());

    internal static bool IsRecordedType(Type type) =>
        !(type == typeof(ChangeLogEntry) || type == typeof(HistoryCheckpoint) || type == typeof(DataProtectionKey)
            || type == typeof(IdentityUserToken<string>) || type == typeof(Domain.Access.UserSession)
            || type == typeof(Domain.Mail.OutboundMail) || type == typeof(Domain.Figures.SiteMonthFigures)
            || type == typeof(Domain.Challenges.SiteJudgement));

    private static ChangeOperation OperationOf(EntityState state) => state switch
    {
        EntityState.Added => ChangeOperation.Insert,
        EntityState.Deleted => ChangeOperation.Delete,
        _ => ChangeOperation.Update,
    };
}
