using System.Collections.Concurrent;
using Verivius.Infrastructure.History;

namespace Verivius.Web.Common;

/// <summary>
/// Keeps what a page computed while nothing has changed. The provider view's figures over hundreds of
/// sites take seconds and a site's dashboard a score of queries, and both are the same for every
/// request until a record, a challenge or a setting changes. So they are kept by what they are of
/// (provider or site, day, month shown) and the <em>data generation</em>: any save this process makes
/// starts a new generation, and a change made elsewhere (a command-line verb, another instance) shows
/// within <see cref="Lifetime"/>. Concurrent requests for the same figures wait for one computation,
/// which runs in a scope of its own so no single request's cancellation can spoil it.
/// </summary>
public sealed class KeptFigures
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(object Of, long Generation), Entry> _kept = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public KeptFigures(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
    }

    /// <summary><paramref name="of"/> names the figures (a tuple of what they depend on); <paramref name="compute"/> is given a fresh scope's services.</summary>
    public async Task<T> GetAsync<T>(object of, Func<IServiceProvider, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var key = (of, DataGeneration.Current);
        var now = _clock.GetUtcNow();
        var entry = _kept.AddOrUpdate(
            key,
            _ => Compute(compute, now),
            (_, kept) => (kept.Figures.IsValueCreated && kept.Figures.Value.IsFaulted) || now - kept.ComputedAt > Lifetime ? Compute(compute, now) : kept);
        foreach (var stale in _kept.Where(k => k.Key.Generation != key.Item2 || now - k.Value.ComputedAt > Lifetime).Select(k => k.Key))
        {
            _kept.TryRemove(stale, out _);
        }

        return (T)await entry.Figures.Value.WaitAsync(cancellationToken);
    }

    // Lazy, so that of two requests racing to add the same entry only the one kept computes.
    private Entry Compute<T>(Func<IServiceProvider, Task<T>> compute, DateTimeOffset now)
        where T : class =>
        new(now, new Lazy<Task<object>>(async () =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await compute(scope.ServiceProvider);
        }));

    private sealed record Entry(DateTimeOffset ComputedAt, Lazy<Task<object>> Figures);
}
