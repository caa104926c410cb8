using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Packs;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// The sites whose records a save changes, for <see cref="SiteJudgement.Changes"/>: every entity with a site
/// (records, attachments, citations, packs, challenges), the site itself, and the rows that belong to a site
/// through the record they are part of — an audit's themes, a challenge's history, a pack's versions. A
/// site's counted figures and its judgement are kept about its records, not part of them.
/// </summary>
public static class SitesChanged
{
    private static readonly PartOfARecord[] Parts =
    [
        new(typeof(AuditTheme), typeof(Audit), nameof(AuditTheme.AuditId), SitesOfAsync<Audit>),
        new(typeof(ChallengeEvent), typeof(Challenge), nameof(ChallengeEvent.ChallengeId), SitesOfAsync<Challenge>),
        new(typeof(PackVersion), typeof(MonthlyPack), nameof(PackVersion.PackId), SitesOfAsync<MonthlyPack>),
    ];

    /// <summary>
    /// The sites of the changes <paramref name="db"/> holds, as its change tracker last detected them: the caller
    /// detects them first (a save does, once), so that reading them does not scan every tracked entity again. A
    /// part's record is found among the tracked entities (an import tracks thousands of audits with their themes),
    /// else read: a pack version is marked checked without its pack.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> ByAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await DetectedAsync(db, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private static async Task<IReadOnlySet<Guid>> DetectedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var sites = new HashSet<Guid>();
        var records = Parts.ToDictionary(p => p, _ => new HashSet<Guid>());
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.Entity is SiteJudgement or SiteMonthFigures)
            {
                continue;
            }

            if (entry.Entity is Site site)
            {
                sites.Add(site.Id);
            }
            else if (Array.Find(Parts, p => p.Part == entry.Metadata.ClrType) is { } part)
            {
                records[part].Add((Guid)entry.Property(part.RecordId).CurrentValue!);
                records[part].Add((Guid)entry.Property(part.RecordId).OriginalValue!);
            }
            else if (BelongsToOneSite(entry.Metadata))
            {
                var property = entry.Property("SiteId");
                sites.Add((Guid)property.CurrentValue!);
                sites.Add((Guid)property.OriginalValue!);
            }
        }

        foreach (var (part, ids) in records.Where(r => r.Value.Count > 0))
        {
            foreach (var tracked in db.ChangeTracker.Entries().Where(e => e.Metadata.ClrType == part.Record))
            {
                if (ids.Remove((Guid)tracked.Property("Id").CurrentValue!))
                {
                    sites.Add((Guid)tracked.Property("SiteId").CurrentValue!);
                }
            }

            if (ids.Count > 0)
            {
                sites.UnionWith(await part.SitesOf(db, ids, cancellationToken));
            }
        }

        return sites;
    }

    /// <summary>
    /// The tables (as the change log names them) whose rows each belong to one site, so that every change to
    /// them counts on that site's <see cref="SiteJudgement.Changes"/>: a reader that kept each site's part of
    /// its figures need read again only the sites whose count moved, as long as the log shows no change to any
    /// other table. The sites table itself is not one of them: a site's name, activity or rating is the
    /// provider's business too (which sites are active, how many are not).
    /// </summary>
    public static IReadOnlySet<string> TablesOfSiteRecords(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetEntityTypes()
            .Where(t => BelongsToOneSite(t) || Parts.Any(p => p.Part == t.ClrType))
            .Where(t => t.ClrType != typeof(SiteJudgement) && t.ClrType != typeof(SiteMonthFigures))
            .Select(t => t.GetTableName())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether every change since <paramref name="since"/> up to <paramref name="head"/> in the change log was to a table of <see cref="TablesOfSiteRecords"/>.</summary>
    public static async Task<bool> OnlySiteRecordsChangedAsync(VeriviusDbContext db, long since, long head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = TablesOfSiteRecords(db.Model);
        return !await db.ChangeLog.AnyAsync(e => e.Sequence > since && e.Sequence <= head && !tables.Contains(e.Entity), cancellationToken);
    }

    private static bool BelongsToOneSite(IReadOnlyEntityType type) =>
        type.FindProperty("SiteId") is { ClrType: var clrType } && clrType == typeof(Guid);

    private static Task<List<Guid>> SitesOfAsync<TRecord>(DbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        where TRecord : class =>
        db.Set<TRecord>().Where(r => ids.Contains(EF.Property<Guid>(r, "Id"))).Select(r => EF.Property<Guid>(r, "SiteId")).Distinct().ToListAsync(cancellationToken);

    /// <summary>A row that belongs to a site through the record it is part of, and how that record's site is read.</summary>
    private sealed record PartOfARecord(Type Part, Type Record, string RecordId, Func<DbContext, IReadOnlyCollection<Guid>, CancellationToken, Task<List<Guid>>> SitesOf);
}
