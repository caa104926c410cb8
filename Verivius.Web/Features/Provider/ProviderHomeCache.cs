using System.Collections.Concurrent;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Trends;

namespace Verivius.Web.Features.Provider;

/// <summary>What the provider view is computed from, before its filters and pages are applied: the heat map is sorted already.</summary>
public sealed record ProviderHomeData(
    string Name,
    int Inactive,
    int SystemicThreshold,
    IReadOnlyList<JoinedRiskVm> Risks,
    IReadOnlyList<SiteFigures> Sites,
    IReadOnlyList<HeatRowVm> Heat,
    IReadOnlyList<AssuranceArea> Systemic,
    IReadOnlyList<ChallengeRowVm> Unsupported,
    IReadOnlyList<TrendVm> Trends);

/// <summary>
/// Keeps the provider view's figures while nothing has changed. Over hundreds of sites they take
/// seconds to compute and are the same for every request until a record, a challenge or a setting
/// changes, so they are kept by (provider, day, month shown, data generation): any save this process
/// makes starts a new generation, and a change made elsewhere (a command-line verb, another instance)
/// shows within <see cref="Lifetime"/>. Concurrent requests for the same figures wait for one
/// computation, which runs in a scope of its own so no single request's cancellation can spoil it.
/// </summary>
public sealed class ProviderHomeCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Key, Entry> _kept = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public ProviderHomeCache(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
    }

    public async Task<ProviderHomeData> GetAsync(Guid providerId, DateOnly today, DateOnly month, CancellationToken cancellationToken)
    {
        var key = new Key(providerId, today, month, DataGeneration.Current);
        var now = _clock.GetUtcNow();
        var entry = _kept.AddOrUpdate(
            key,
            _ => Compute(key, now),
            (_, kept) => (kept.Figures.IsValueCreated && kept.Figures.Value.IsFaulted) || now - kept.ComputedAt > Lifetime ? Compute(key, now) : kept);
        foreach (var stale in _kept.Where(k => k.Key.Generation != key.Generation || now - k.Value.ComputedAt > Lifetime).Select(k => k.Key))
        {
            _kept.TryRemove(stale, out _);
        }

        return await entry.Figures.Value.WaitAsync(cancellationToken);
    }

    // Lazy, so that of two requests racing to add the same entry only the one kept computes.
    private Entry Compute(Key key, DateTimeOffset now) => new(now, new Lazy<Task<ProviderHomeData>>(() => ComputeAsync(key)));

    private async Task<ProviderHomeData> ComputeAsync(Key key)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await GetProviderHomeHandler.LoadAsync(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>(), key.ProviderId, key.Today, key.Month, CancellationToken.None);
    }

    private readonly record struct Key(Guid ProviderId, DateOnly Today, DateOnly Month, long Generation);

    private sealed record Entry(DateTimeOffset ComputedAt, Lazy<Task<ProviderHomeData>> Figures);
}
