using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Common;

/// <summary>
/// Keeps what a page computed while nothing has changed. The provider view's figures over hundreds of
/// sites and a site's dashboard read the kept monthly figures in a fraction of a second, but they are the
/// same for every request until a record, a challenge or a setting changes, so they are kept by what they
/// are of (provider or site, day, month shown) and by where the data stands: the head of the change log,
/// which every recorded save of any instance or command-line verb moves on, read in one indexed command per
/// request, and this process's <see cref="DataGeneration"/> for writes the log does not record (a bulk
/// seed). Nothing expires by time, so a quiet minute never turns the next request into a slow one.
/// Concurrent requests for the same figures wait for one computation, which runs in a scope of its own so
/// no single request's cancellation can spoil it.
/// </summary>
public sealed class KeptFigures
{
    private readonly ConcurrentDictionary<(object Of, long Generation, long LogHead), Lazy<Task<object>>> _kept = new();
    private readonly IServiceScopeFactory _scopes;

    public KeptFigures(IServiceScopeFactory scopes) => _scopes = scopes;

    /// <summary><paramref name="of"/> names the figures (a tuple of what they depend on); <paramref name="compute"/> is given a fresh scope's services.</summary>
    public async Task<T> GetAsync<T>(object of, Func<IServiceProvider, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var generation = DataGeneration.Current;
        long logHead;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            logHead = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().ChangeLog.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        }

        var key = (of, generation, logHead);
        var entry = _kept.AddOrUpdate(key, _ => Compute(compute), (_, kept) => kept.IsValueCreated && kept.Value.IsFaulted ? Compute(compute) : kept);
        foreach (var stale in _kept.Keys.Where(k => k.Generation != generation || k.LogHead != logHead))
        {
            _kept.TryRemove(stale, out _);
        }

        return (T)await entry.Value.WaitAsync(cancellationToken);
    }

    // Lazy, so that of two requests racing to add the same entry only the one kept computes.
    private Lazy<Task<object>> Compute<T>(Func<IServiceProvider, Task<T>> compute)
        where T : class =>
        new(async () =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await compute(scope.ServiceProvider);
        });
}
