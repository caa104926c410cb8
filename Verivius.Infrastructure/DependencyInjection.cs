using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database (provider chosen by configuration), the change log, and the clock.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var database = DatabaseConnection.From(configuration, contentRoot);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ChainKeys.Load(configuration, contentRoot));

        // Uploaded files live outside the web root; a relative folder is under the content root.
        var storage = configuration["Storage:Root"] ?? "storage";
        var storageRoot = Path.GetFullPath(Path.Combine(contentRoot, storage));
        services.AddSingleton(new FileStore(storageRoot));
        services.AddSingleton(provider => new HeldUploads(Path.Combine(storageRoot, "held"), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(PdfConverter.From(configuration));
        var mail = MailOptions.Read(configuration, contentRoot);
        services.AddSingleton(mail);
        services.AddSingleton(new MailSender(mail));
        services.AddScoped<ChangeLogInterceptor>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<VeriviusDbContext, SqliteVeriviusDbContext>((provider, db) => db
                .UseSqlite(database.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<ChangeLogInterceptor>()));
        }
        else if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<VeriviusDbContext, PostgreSqlVeriviusDbContext>((provider, db) => db
                .UseNpgsql(database.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<ChangeLogInterceptor>()));
        }
        else
        {
            services.AddDbContext<VeriviusDbContext, SqlServerVeriviusDbContext>((provider, db) => db
                .UseSqlServer(database.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<ChangeLogInterceptor>()));
        }

        return services;
    }
}
