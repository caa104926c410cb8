using Quartz;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.Scheduling;

/// <summary>
/// Quartz keeps its schedules in the portal's own database (the ADO.NET job store), so they and any
/// run that was due survive a restart. On SQL Server and PostgreSQL the schedulers of several instances form a
/// cluster over the same tables and share the work; the embedded SQLite database has one instance.
/// </summary>
public static class SchedulingStore
{
    /// <param name="provisionSchema">
    /// Create Quartz's tables if they are missing. Right for the embedded database; a production SQL
    /// Server login is usually not allowed to create tables, and is given them by its DBA instead.
    /// </param>
    public static void UsePortalDatabase(this IQuartzBuilder quartz, DatabaseConnection database, bool provisionSchema)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(database);
        quartz.UsePersistentStore(store =>
        {
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    store.UseSqlServer(database.ConnectionString);
                    store.UseClustering(_ => { });
                    break;
                case DatabaseProvider.PostgreSql:
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(_ => { });
                    break;
                default:
                    store.UseSqlite(database.ConnectionString);
                    break;
            }

            if (provisionSchema)
            {
                store.ProvisionSchema();
            }
        });
    }
}
