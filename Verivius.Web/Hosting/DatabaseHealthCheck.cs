using Microsoft.Extensions.Diagnostics.HealthChecks;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Hosting;

/// <summary>The portal is healthy when it can reach its database and no migration is pending.</summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly VeriviusDbContext _db;

    public DatabaseHealthCheck(VeriviusDbContext db) => _db = db;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await _db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions
                .GetPendingMigrationsAsync(_db.Database, cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("Reachable, schema up to date.")
                : HealthCheckResult.Degraded($"{pending} migration(s) not applied.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
