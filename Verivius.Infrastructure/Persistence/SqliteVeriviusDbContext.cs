using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Verivius.Infrastructure.Persistence;

/// <summary>The model on SQLite, the embedded default. Owns the migrations under Migrations/Sqlite.</summary>
public sealed class SqliteVeriviusDbContext : VeriviusDbContext
{
    public SqliteVeriviusDbContext(DbContextOptions<SqliteVeriviusDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no instant type; as text, DateTimeOffset can be neither compared nor ordered in SQL.
        // UTC ticks keep full precision and sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    // Internal, not private: the compiled model (CompiledModels/Sqlite) names it.
    internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
    {
        public UtcTicksConverter()
            : base(instant => instant.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
        {
        }
    }
}
