using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Verivius.Infrastructure.History;

/// <summary>
/// Counts the saves this process has made to the portal's database. A page that keeps what it
/// computed keys it by this number, so any change made here shows at once, including writes the change
/// log does not record (a bulk seed); changes made by another process (a command-line verb, another
/// instance) are seen by the other key, the head of the change log, which they move.
/// </summary>
public static class DataGeneration
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    public static void Advance() => Interlocked.Increment(ref _current);
}

/// <summary>
/// Starts a new data generation when a transaction commits: what a save inside an explicit
/// transaction wrote only becomes visible then, and a figure computed in between must not be kept.
/// </summary>
public sealed class DataGenerationInterceptor : DbTransactionInterceptor
{
    public static DataGenerationInterceptor Instance { get; } = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        DataGeneration.Advance();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DataGeneration.Advance();
        return Task.CompletedTask;
    }
}
