using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.History;

/// <summary>
/// Compares every record row with the last state the change log holds for it. The portal writes both
/// in one transaction, so any difference is a row added, changed or deleted behind its back (an edit
/// straight in the database), and is named with the fields that differ.
/// </summary>
public static class RecordAudit
{
    public static async Task<IReadOnlyList<string>> ChangedBehindTheLogAsync(VeriviusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var logged = new Dictionary<(string Table, string Key), string?>();
        await foreach (var entry in db.ChangeLog.AsNoTracking().OrderBy(e => e.Sequence)
            .Select(e => new { e.Entity, e.EntityKey, e.After }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            logged[(entry.Entity, entry.EntityKey)] = entry.After;
        }

        var problems = new List<string>();
        var seen = new HashSet<(string, string)>();
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && ChangeLogInterceptor.IsRecordedType(t.ClrType)))
            {
                var table = type.GetTableName()!;
                var seeded = SeededKeys(db.GetService<IDesignTimeModel>().Model.FindEntityType(type.Name)!);
                foreach (var row in await RowsOf(db, type).ToListAsync(cancellationToken))
                {
                    var entry = db.Entry(row);
                    var key = RecordSnapshot.KeyOf(entry);
                    seen.Add((table, key));
                    var now = RecordSnapshot.Of(entry, original: false);
                    if (!logged.TryGetValue((table, key), out var last))
                    {
                        // Rows the migrations themselves put there (the roles) are not changes anyone made.
                        if (seeded.Contains(key))
                        {
                            continue;
                        }

                        problems.Add($"{table} {key} is not in the change log at all: it was added behind the portal's back");
                    }
                    else if (last is null)
                    {
                        problems.Add($"{table} {key} was deleted according to the change log, but the row is there: it was put back behind the portal's back");
                    }
                    else if (last != now)
                    {
                        problems.Add($"{table} {key} differs from the last state the change log holds ({Differences(last, now)}): it was changed behind the portal's back");
                    }
                }

                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).ToHashSet();
        problems.AddRange(logged
            .Where(l => l.Value is not null && tables.Contains(l.Key.Table) && !seen.Contains(l.Key))
            .Select(l => $"{l.Key.Table} {l.Key.Key} is gone, though the change log never recorded its deletion: it was deleted behind the portal's back"));
        return problems;
    }

    private static HashSet<string> SeededKeys(IReadOnlyEntityType type)
    {
        var key = type.FindPrimaryKey()!.Properties;
        return type.GetSeedData()
            .Select(seed => RecordSnapshot.KeyOf(key.ToDictionary(p => p.Name, p => seed.TryGetValue(p.Name, out var value) ? value : null)))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IQueryable<object> RowsOf(VeriviusDbContext db, IEntityType type) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;

    /// <summary>The fields whose values differ, as "Name: before → now".</summary>
    private static string Differences(string logged, string now)
    {
        using var before = JsonDocument.Parse(logged);
        using var after = JsonDocument.Parse(now);
        var changed = Flatten(before.RootElement, "").ToDictionary(p => p.Path, p => p.Value);
        var differences = Flatten(after.RootElement, "")
            .Where(p => !changed.TryGetValue(p.Path, out var was) || was != p.Value)
            .Select(p => $"{p.Path}: {changed.GetValueOrDefault(p.Path, "(none)")} → {p.Value}")
            .ToList();
        return differences.Count == 0 ? "its fields are in another form" : string.Join("; ", differences);
    }

    private static IEnumerable<(string Path, string Value)> Flatten(JsonElement element, string prefix) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().SelectMany(p => Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}"))
            : [(prefix, element.ToString())];
}
