using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Verivius.Infrastructure.History;

/// <summary>
/// Counts the saves this process has made to the portal's database. A page that caches what it
/// computed keys it by this number, so any change made here shows at once; changes made by another
/// process (a command-line verb, another instance) are not counted, which is why such caches also
/// expire after a short while.
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
