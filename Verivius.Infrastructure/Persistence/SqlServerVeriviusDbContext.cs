using Microsoft.EntityFrameworkCore;

namespace Verivius.Infrastructure.Persistence;

/// <summary>The model on SQL Server, for production. Owns the migrations under Migrations/SqlServer.</summary>
public sealed class SqlServerVeriviusDbContext : VeriviusDbContext
{
    public SqlServerVeriviusDbContext(DbContextOptions<SqlServerVeriviusDbContext> options)
        : base(options)
    {
    }
}
