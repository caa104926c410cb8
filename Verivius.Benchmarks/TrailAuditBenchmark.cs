using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Trail;

namespace Verivius.Benchmarks;

/// <summary>
/// The trail audit on a large provider: one site's month, and the same month at every site, each
/// timed end to end (reading the records and tracing them) over several runs and several months.
/// </summary>
internal static class TrailAuditBenchmark
{
    /// <param name="database">A database file to keep, as for <c>challenges</c>: generated there if it does not exist, measured as it is if it does.</param>
    public static async Task RunAsync(int sites, int months, int runs, string? database)
    {
        var (factory, seededBefore) = KeptDatabasePortal.Open(database);
        using var portal = factory;
        if (seededBefore)
        {
            await KeptDatabasePortal.GeneratedProviderAsync(factory, database!, "trail-audit");
        }
        else
        {
            await ScaleData.SeedAsync(factory, sites, months);
        }

        await MeasureAsync(factory, runs);
    }

    /// <returns>The provider-wide audits of one month, in milliseconds, sorted.</returns>
    internal static async Task<List<double>> MeasureAsync(PortalFactory factory, int runs)
    {
        Guid providerId;
        List<Guid> siteIds;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            siteIds = await db.Sites.OrderBy(s => s.Code).Select(s => s.Id).ToListAsync();
            providerId = await db.Sites.OrderBy(s => s.Code).Select(s => s.ProviderId).FirstAsync();
        }

        var lastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);
        var one = new List<double>();
        var all = new List<double>();
        var chains = 0;
        for (var run = 0; run < runs + 1; run++)
        {
            var month = lastMonth.AddMonths(-(run % 6));
            var site = siteIds[(run * 97) % siteIds.Count];
            await using var scope = factory.Services.CreateAsyncScope();
            var audits = scope.ServiceProvider.GetRequiredService<TrailAuditor>();
            var timer = Stopwatch.StartNew();
            await audits.AuditAsync([site], providerId, month, CancellationToken.None);
            var oneMs = timer.Elapsed.TotalMilliseconds;
            timer.Restart();
            var provider = await audits.AuditAsync(siteIds, providerId, month, CancellationToken.None);
            var allMs = timer.Elapsed.TotalMilliseconds;
            if (run == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trail audit, cold: one site {oneMs:F0} ms, {siteIds.Count} sites {allMs:F0} ms"));
                continue;
            }

            chains = provider.Values.Sum(a => a.Chains.Count);
            one.Add(oneMs);
            all.Add(allMs);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trail audit: {chains:N0} chains traced across the provider in the last month timed"));
        Figures.Report("Trail audit, one site-month (ms)", one);
        Figures.Report($"Trail audit, {siteIds.Count} sites, one month (ms)", all);
        return all;
    }
}
