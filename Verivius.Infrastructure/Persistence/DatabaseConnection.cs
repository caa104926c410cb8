using Microsoft.Extensions.Configuration;

namespace Verivius.Infrastructure.Persistence;

/// <summary>Which database the portal uses and how to reach it, resolved once from configuration for EF Core and the scheduler alike.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseConnection From(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings:{DatabaseOptions.ConnectionStringName} in appsettings.json or ConnectionStrings__{DatabaseOptions.ConnectionStringName} in the environment.");
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new(options.Provider, SqliteConnectionStrings.Resolve(connectionString, contentRoot)),
            DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql => new(options.Provider, connectionString),
            _ => throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or PostgreSql, not {options.Provider}."),
        };
    }
}
