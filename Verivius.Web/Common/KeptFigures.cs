using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Sites;
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
    private readonly ConcurrentDictionary<(object Of, long Generation, long LogHead), Lazy<Task<Kept>>> _kept = new();
    private readonly IServiceScopeFactory _scopes;

    public KeptFigures(IServiceScopeFactory scopes) => _scopes = scopes;

    /// <summary><paramref name="of"/> names the figures (a tuple of what they depend on); <paramref name="compute"/> is given a fresh scope's services.</summary>
    public Task<T> GetAsync<T>(object of, Func<IServiceProvider, Task<T>> compute, CancellationToken cancellationToken)
        where T : class =>
        GetAsync(of, compute, bySite: null, cancellationToken);

    /// <summary>
    /// The same for figures made of each site's part, such as a provider's view over hundreds of sites. A
    /// save usually changes one site's records; when every change since the figures were kept was to
    /// records of sites (<see cref="SitesChanged.TablesOfSiteRecords"/>), only the parts of the sites whose
    /// <see cref="SiteJudgement.Changes"/> moved are read again, by <see cref="SiteParts{T}.Patch"/>. Any
    /// other change (a setting, a site itself, a write past the log) computes them afresh.
    /// </summary>
    public Task<T> GetAsync<T>(object of, SiteParts<T> bySite, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bySite);
        return GetAsync(of, bySite.Compute, bySite, cancellationToken);
    }

    private async Task<T> GetAsync<T>(object of, Func<IServiceProvider, Task<T>> compute, SiteParts<T>? bySite, CancellationToken cancellationToken)
        where T : class
    {
        var generation = DataGeneration.Current;
        long logHead;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            logHead = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().ChangeLog.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        }

        var key = (of, generation, logHead);
        // The newest figures kept before this head, even while they are still being computed: under a stream
        // of saves, each patch then builds on the one before instead of every one computing all sites afresh.
        var before = bySite is null
            ? null
            : _kept.Where(k => k.Key.Generation == generation && k.Key.LogHead < logHead && k.Key.Of.Equals(of) && !(k.Value.IsValueCreated && k.Value.Value.IsFaulted))
                .Select(k => ((long Since, Lazy<Task<Kept>> Figures)?)(k.Key.LogHead, k.Value))
                .MaxBy(k => k!.Value.Since);
        var entry = _kept.AddOrUpdate(
            key,
            _ => Compute(compute, bySite, before, logHead),
            (_, kept) => kept.IsValueCreated && kept.Value.IsFaulted ? Compute(compute, bySite, before, logHead) : kept);
        foreach (var stale in _kept.Keys.Where(k => k.Generation != generation || k.LogHead != logHead))
        {
            _kept.TryRemove(stale, out _);
        }

        return (T)(await entry.Value.WaitAsync(cancellationToken)).Value;
    }

    // Lazy, so that of two requests racing to add the same entry only the one kept computes.
    private Lazy<Task<Kept>> Compute<T>(Func<IServiceProvider, Task<T>> compute, SiteParts<T>? bySite, (long Since, Lazy<Task<Kept>> Figures)? before, long logHead)
        where T : class =>
        new(async () =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            if (bySite is null)
            {
                return new Kept(await compute(scope.ServiceProvider), null);
            }

            // Read before the parts are, so a save landing while they are read shows as a change next time.
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var changes = await bySite.Sites(db)
                .Select(s => new { s.Id, Changes = db.SiteJudgements.Where(j => j.SiteId == s.Id).Select(j => (long?)j.Changes).FirstOrDefault() })
                .ToDictionaryAsync(s => s.Id, s => s.Changes, CancellationToken.None);
            var kept = before is { } earlier
                ? await earlier.Figures.Value.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default)
                : null;
            if (kept is { Changes: { } changesBefore }
                && await SitesChanged.OnlySiteRecordsChangedAsync(db, before!.Value.Since, logHead, CancellationToken.None))
            {
                // A site never judged has no count yet, so it is read again whenever anything changed.
                var changed = changes.Keys.Union(changesBefore.Keys)
                    .Where(site => changes.GetValueOrDefault(site) is not { } now || changesBefore.GetValueOrDefault(site) != now)
                    .ToHashSet();
                return new Kept(changed.Count == 0 ? kept.Value : await bySite.Patch(scope.ServiceProvider, (T)kept.Value, changed), changes);
            }

            return new Kept(await compute(scope.ServiceProvider), changes);
        });

    /// <summary>Kept figures, with each site's count of changes as read before them when they are made of sites' parts.</summary>
    private sealed record Kept(object Value, IReadOnlyDictionary<Guid, long?>? Changes);
}

/// <summary>
/// How figures made of each site's part are computed: <see cref="Sites"/> are the sites they are made of,
/// <see cref="Compute"/> reads them all, and <see cref="Patch"/> reads again the parts of the given sites
/// into kept figures (a site given may no longer be one of theirs).
/// </summary>
public sealed record SiteParts<T>(
    Func<VeriviusDbContext, IQueryable<Site>> Sites,
    Func<IServiceProvider, Task<T>> Compute,
    Func<IServiceProvider, T, IReadOnlySet<Guid>, Task<T>> Patch);
