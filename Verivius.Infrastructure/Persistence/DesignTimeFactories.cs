using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Verivius.Infrastructure.Persistence;

// Used only by `dotnet ef` to generate migrations; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVeriviusDbContext>
{
    public SqliteVeriviusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerVeriviusDbContext>
{
    public SqlServerVeriviusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerVeriviusDbContext>().UseSqlServer("Server=design-time;Database=Verivius").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlVeriviusDbContext>
{
    public PostgreSqlVeriviusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlVeriviusDbContext>().UseNpgsql("Host=design-time;Database=verivius").Options);
}
