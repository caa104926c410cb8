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
    /// <summary>
    /// Audits run first and not counted, as the other benchmarks warm up: a process's first audits run code the JIT has not
    /// yet optimised (the first audit of a month with matrices and supervision records took 740-800 ms after one warm-up, and
    /// 460-530 ms six audits later; 580 ms and 390 ms with tiered compilation off). The last month, the one before it and the
    /// one before that: every read the audit makes, with and without staff records.
    /// </summary>
    private const int WarmUps = 3;

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
        var readFromDisk = new List<string>();
        var chains = 0;
        for (var run = 0; run < WarmUps + runs; run++)
        {
            var month = lastMonth.AddMonths(-(run % 6));
            var site = siteIds[(run * 97) % siteIds.Count];
            await using var scope = factory.Services.CreateAsyncScope();
            var audits = scope.ServiceProvider.GetRequiredService<TrailAuditor>();
            var timer = Stopwatch.StartNew();
            await audits.AuditAsync([site], providerId, month, CancellationToken.None);
            var oneMs = timer.Elapsed.TotalMilliseconds;
            timer.Restart();
            var disk = DiskReads.Start();
            var provider = await audits.AuditAsync(siteIds, providerId, month, CancellationToken.None);
            var allMs = timer.Elapsed.TotalMilliseconds;
            if (run < WarmUps)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trail audit, cold ({month:yyyy-MM}, not counted): one site {oneMs:F0} ms, {siteIds.Count} sites {allMs:F0} ms, {disk.Since()} read from the disk"));
                continue;
            }

            chains = provider.Values.Sum(a => a.Chains.Count);
            one.Add(oneMs);
            all.Add(allMs);
            readFromDisk.Add(disk.Since());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trail audit: {chains:N0} chains traced across the provider in the last month timed"));
        Figures.Report("Trail audit, one site-month (ms)", one);
        Console.WriteLine($"  the provider-wide audits read from the disk, in order: {string.Join(" ", readFromDisk)}");
        Figures.Report($"Trail audit, {siteIds.Count} sites, one month (ms)", all);
        return all;
    }
}
