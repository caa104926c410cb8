using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests;
using Verivius.Tests.Support;
using Verivius.Web.Features.Challenges;
using Verivius.Web.SiteRecords;

namespace Verivius.Benchmarks;

/// <summary>
/// The challenge engine over every site of a large provider: generates the provider (seed-scale),
/// then times the first run (which raises and writes every challenge), steady runs on unchanged
/// records (which must change nothing), the check of one site after an upload, and, for one steady pass,
/// loading against evaluating.
/// </summary>
internal static class ChallengeBenchmark
{
    /// <param name="database">
    /// A database file to keep: generated there if it does not exist, measured as it is if it does. Seeding 500 × 60 takes
    /// minutes, and comparing two builds on the same records needs the same database: copy the file for each, since the
    /// first run writes the register.
    /// </param>
    /// <param name="nights">
    /// The nights simulated, the first included. Which sites a night judges follows the calendar of their records, so a
    /// week's total differs from one week to the next, and between two data sets on the same days: four weeks even it out.
    /// </param>
    public static async Task RunAsync(int sites, int months, int runs, string? database, int nights)
    {
        var (factory, seededBefore) = KeptDatabasePortal.Open(database);
        using var portal = factory;
        if (!seededBefore)
        {
            await ScaleData.SeedAsync(factory, sites, months);
        }

        List<Guid> siteIds;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            siteIds = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Sites.Select(s => s.Id).ToListAsync();
        }

        var first = await TimedRunAsync(factory, siteIds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Challenge engine, first run (raises and writes every challenge): {first.Milliseconds:F0} ms; {first.Summary}"));

        var steady = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var timed = await TimedRunAsync(factory, siteIds);
            if (timed.Summary.Raised + timed.Summary.Changed + timed.Summary.Cleared + timed.Summary.Reopened > 0)
            {
                throw new InvalidOperationException("A run on unchanged records changed the register: " + timed.Summary);
            }

            steady.Add(timed.Milliseconds);
        }

        Figures.Report($"Challenge engine, {sites} sites, steady (ms)", steady);
        await ChecksAsync(factory, siteIds, Math.Max(runs, 20));
        await BreakdownAsync(factory, siteIds);
        await NightsAsync(factory, siteIds, nights);
    }

    /// <summary>
    /// The nightly run on the days that follow, records unchanged: the first night judges every site and asks the
    /// rules about the four weeks ahead; later nights judge only the sites whose findings the day changes.
    /// </summary>
    /// <remarks>
    /// How many sites a night judges depends on the days their records' deadlines fall on, not on how much history they
    /// keep, so the time a judged site costs is printed too: it is the figure to compare between data sets of different length.
    /// </remarks>
    /// <returns>Nights 2 onwards, in milliseconds, sorted.</returns>
    internal static async Task<List<double>> NightsAsync(PortalFactory factory, List<Guid> siteIds, int nights)
    {
        var nightly = new List<double>();
        var judged = 0;
        var times = ChallengeRunTimes.None;
        for (var night = 1; night <= nights; night++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Verivius.Web.Security.CurrentActor>().AssumeOperator("benchmark");
            var runner = scope.ServiceProvider.GetRequiredService<ChallengeRunner>();
            var day = runner.Today.AddDays(night);
            var timer = Stopwatch.StartNew();
            var summary = await runner.RunWhereDueAsync(siteIds, day, CancellationToken.None);
            var elapsed = timer.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  night {night} ({day:yyyy-MM-dd}): {elapsed:F0} ms, {summary.Sites - summary.Standing} site(s) judged, {summary.Standing} unchanged{(summary.Sites > summary.Standing ? $" (ms: {Phases(summary.Times, 1)})" : "")}"));
            if (night > 1)
            {
                nightly.Add(elapsed);
                judged += summary.Sites - summary.Standing;
                times = times.Add(summary.Times);
            }
        }

        Figures.Report($"Nightly run, {siteIds.Count} sites, after the first night (ms)", nightly);
        var total = nightly.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  nights 2 to {nights}: {total:F0} ms for {judged} site(s) judged{(judged > 0 ? $", {total / judged:F1} ms a site judged (ms a site: {Phases(times, judged)})" : "")}"));
        return nightly;
    }

    /// <summary>The phases of a run's judgements, in milliseconds, shared by <paramref name="sites"/>.</summary>
    private static string Phases(ChallengeRunTimes times, int sites)
    {
        return $"reading records {Each(times.ReadingRecords)}, registers {Each(times.ReadingRegisters)}, rules {Each(times.Rules)}, "
            + $"looking ahead {Each(times.LookingAhead)}, saving {Each(times.Saving)}";

        string Each(TimeSpan phase) => (phase.TotalMilliseconds / sites).ToString(sites == 1 ? "F0" : "F1", CultureInfo.InvariantCulture);
    }

    internal static async Task<(double Milliseconds, ChallengeRunSummary Summary)> TimedRunAsync(PortalFactory factory, List<Guid> siteIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Verivius.Web.Security.CurrentActor>().AssumeOperator("benchmark");
        var runner = scope.ServiceProvider.GetRequiredService<ChallengeRunner>();
        var timer = Stopwatch.StartNew();
        var summary = await runner.RunAsync(siteIds, runner.Today, CancellationToken.None);
        return (timer.Elapsed.TotalMilliseconds, summary);
    }

    /// <summary>
    /// The check of one site after an upload (as of today, one site at a time), leaving out its settled records as the
    /// portal does, against the same check reading every record the site has kept. The two take turns going first.
    /// </summary>
    private static async Task ChecksAsync(PortalFactory factory, List<Guid> siteIds, int count)
    {
        var leavingOut = new List<double>();
        var readingEvery = new List<double>();
        foreach (var (siteId, turn) in siteIds.Take(count).Select((id, turn) => (id, turn)))
        {
            for (var half = 0; half < 2; half++)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Verivius.Web.Security.CurrentActor>().AssumeOperator("benchmark");
                var runner = scope.ServiceProvider.GetRequiredService<ChallengeRunner>();
                var timer = Stopwatch.StartNew();
                var reads = (half + turn) % 2 == 0;
                var summary = reads
                    ? await runner.RunReadingEveryRecordAsync([siteId], runner.Today, CancellationToken.None)
                    : await runner.RunAsync([siteId], runner.Today, CancellationToken.None);
                (reads ? readingEvery : leavingOut).Add(timer.Elapsed.TotalMilliseconds);
                if (summary.Raised + summary.Changed + summary.Cleared + summary.Reopened > 0)
                {
                    throw new InvalidOperationException("A check on unchanged records changed the register: " + summary);
                }
            }
        }

        Figures.Report("Check of one site, leaving out settled records (ms)", leavingOut);
        Figures.Report("Check of one site, reading every record (ms)", readingEvery);
    }

    /// <summary>One pass split into its two halves: reading the records, and the rules over them.</summary>
    private static async Task BreakdownAsync(PortalFactory factory, List<Guid> siteIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        double loading = 0, evaluating = 0;
        var findings = 0;
        foreach (var batch in siteIds.Chunk(50))
        {
            var timer = Stopwatch.StartNew();
            var evidence = await SiteEvidenceLoader.LoadAsync(db, batch, today, CancellationToken.None);
            loading += timer.Elapsed.TotalMilliseconds;
            timer.Restart();
            findings += evidence.Values.Sum(site => ChallengeEngine.Evaluate(site, today).Count);
            evaluating += timer.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which loading the records {loading:F0} ms, the rules {evaluating:F0} ms ({findings:N0} findings)"));
    }
}

/// <summary>A portal over a database file the benchmark keeps, rather than a throwaway one.</summary>
internal sealed class KeptDatabasePortal(string databasePath) : PortalFactory(databasePath)
{
    /// <summary>
    /// A started portal over <paramref name="database"/>, or over a throwaway file when none is given, and whether the file
    /// held a generated provider already (then measured as it is: seeding 500 × 60 takes minutes).
    /// </summary>
    public static (PortalFactory Portal, bool SeededBefore) Open(string? database)
    {
        var seededBefore = database is not null && File.Exists(database);
        var portal = database is null ? new PortalFactory() : new KeptDatabasePortal(database);
        portal.CreateClient().Dispose();
        if (seededBefore)
        {
            Console.WriteLine($"Measuring on {database}, generated before: its sites and months are those it was generated with.");
        }

        return (portal, seededBefore);
    }

    /// <summary>
    /// The one generated provider a kept <paramref name="database"/> holds, for a benchmark that measures a provider: any other
    /// file is refused by name rather than with EF's bare "more than one element" or "no elements".
    /// </summary>
    public static async Task<string> GeneratedProviderAsync(PortalFactory portal, string database, string benchmark)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var providers = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Providers.Select(p => p.Name).Take(2).ToListAsync();
        return providers.Count == 1
            ? providers[0]
            : throw new InvalidOperationException(
                $"The {benchmark} benchmark measures one generated provider, but {database} holds {(providers.Count == 0 ? "none" : "more than one")}: name a file the benchmark generated, or a new one.");
    }
}
