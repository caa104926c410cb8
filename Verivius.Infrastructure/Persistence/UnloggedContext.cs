using Microsoft.EntityFrameworkCore;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// A context on the portal's database without the change log, for one purpose only: writing millions
/// of synthetic records for scale tests and benchmarks, where a log entry per row would be most of the
/// work and record nothing a person did. Every change a person makes goes through the logged context
/// that dependency injection hands out.
/// </summary>
public static class UnloggedContext
{
    public static VeriviusDbContext Create(DatabaseConnection database)
    {
        ArgumentNullException.ThrowIfNull(database);
        VeriviusDbContext context = database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerVeriviusDbContext(new DbContextOptionsBuilder<SqlServerVeriviusDbContext>().UseSqlServer(database.ConnectionString).Options),
            DatabaseProvider.PostgreSql => new PostgreSqlVeriviusDbContext(new DbContextOptionsBuilder<PostgreSqlVeriviusDbContext>().UseNpgsql(database.ConnectionString).Options),
            _ => new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite(database.ConnectionString).Options),
        };
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }
}
