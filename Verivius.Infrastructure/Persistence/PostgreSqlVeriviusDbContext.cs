using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;

namespace Verivius.Infrastructure.Persistence;

/// <summary>The model on PostgreSQL, a server engine for several instances. Owns the migrations under Migrations/PostgreSql.</summary>
public sealed class PostgreSqlVeriviusDbContext : VeriviusDbContext
{
    public PostgreSqlVeriviusDbContext(DbContextOptions<PostgreSqlVeriviusDbContext> options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // PostgreSQL folds unquoted names to lower case, and the model's names are mixed case.
        builder.Entity<GovernanceDocument>().HasIndex(d => d.ScheduleSlot).HasFilter("\"ScheduleSlot\" IS NOT NULL");
        builder.Entity<Domain.Mail.OutboundMail>().HasIndex(m => m.OnceKey).HasFilter("\"OnceKey\" IS NOT NULL");
    }
}
