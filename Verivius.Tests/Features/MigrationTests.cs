using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Tests.Features;

/// <summary>Both providers' migration sets are generated from the current model; neither has drifted.</summary>
public class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the SQLite migrations lag the model.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerVeriviusDbContext(new DbContextOptionsBuilder<SqlServerVeriviusDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the SQL Server migrations lag the model.");
        Assert.Equal(db.Database.GetMigrations().Select(Name), new SqliteVeriviusDbContext(
            new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite("Data Source=:memory:").Options).Database.GetMigrations().Select(Name));
    }

    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
