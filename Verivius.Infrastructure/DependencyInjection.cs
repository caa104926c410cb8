using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database (provider chosen by configuration), the change log, and the clock.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings:{DatabaseOptions.ConnectionStringName} in appsettings.json or ConnectionStrings__{DatabaseOptions.ConnectionStringName} in the environment.");

        services.AddSingleton(TimeProvider.System);

        // Uploaded files live outside the web root; a relative folder is under the content root.
        var storage = configuration["Storage:Root"] ?? "storage";
        services.AddSingleton(new FileStore(Path.GetFullPath(Path.Combine(contentRoot, storage))));
        services.AddScoped<ChangeLogInterceptor>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionStrings.Resolve(connectionString, contentRoot);
                services.AddDbContext<VeriviusDbContext, SqliteVeriviusDbContext>((provider, db) => db
                    .UseSqlite(sqlite)
                    .AddInterceptors(provider.GetRequiredService<ChangeLogInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<VeriviusDbContext, SqlServerVeriviusDbContext>((provider, db) => db
                    .UseSqlServer(connectionString)
                    .AddInterceptors(provider.GetRequiredService<ChangeLogInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not {options.Provider}.");
        }

        return services;
    }
}
