using System.Diagnostics;
using System.Globalization;
using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests;
using Verivius.Tests.Support;
using Verivius.Web.Features.Packs;

namespace Verivius.Benchmarks;

/// <summary>
/// Whether cost follows history: for each size (sites × months) one provider is generated, then every
/// measure of issue 21 is taken on it in turn — the nightly engine, the first provider view after a
/// save, the provider view under load while uploads arrive, a 5,000-row upload and the check after it,
/// the board pack, the provider-wide trail audit of one month and the challenge CSV's first byte —
/// and one table row per size is printed at the end.
/// </summary>
internal static class GrowthBenchmark
{
    private const int UploadRows = 5000;

    public static async Task RunAsync(IReadOnlyList<(int Sites, int Months)> sizes, int runs, int seconds)
    {
        var rows = new List<string>();
        foreach (var (sites, months) in sizes)
        {
            Console.WriteLine($"== {sites} sites × {months} months ==");
            rows.Add(await RowAsync(sites, months, runs, seconds));
            Console.WriteLine(rows[^1]);
        }

        Console.WriteLine();
        Console.WriteLine("| sites × months | records | full engine run | nightly run median / p95 | first /provider after a save median / p95 | /provider under wrk with uploads: p95 (requests, uploads) | 5,000-row upload answered median / p95 | its check median / p95 | board pack median / p95 | trail audit, all sites, one month median / p95 | challenge CSV first byte median / p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>
    /// Only the upload measure of a row, on the same generated provider after the same first engine run:
    /// for work on the import, without the rest of the row.
    /// </summary>
    public static async Task UploadsOnlyAsync(int sites, int months, int runs)
    {
        using var factory = new ViewBenchmark.KestrelPortal();
        ViewBenchmark.Start(factory);
        await ScaleData.SeedAsync(factory, sites, months, (mediator, name) => ViewBenchmark.AddViewersAsync(mediator, name, sites));
        var siteList = await SitesAsync(factory);
        await ChallengeBenchmark.TimedRunAsync(factory, siteList.ConvertAll(s => s.Id));
        await UploadsAsync(factory, siteList, runs);
    }

    private static async Task<string> RowAsync(int sites, int months, int runs, int seconds)
    {
        using var factory = new ViewBenchmark.KestrelPortal();
        var baseUrl = ViewBenchmark.Start(factory);
        var seeded = await ScaleData.SeedAsync(factory, sites, months, (mediator, name) => ViewBenchmark.AddViewersAsync(mediator, name, sites));
        var siteList = await SitesAsync(factory);
        var siteIds = siteList.ConvertAll(s => s.Id);
        var disk = DiskReads.Start();
        var full = await ChallengeBenchmark.TimedRunAsync(factory, siteIds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Challenge engine, first run over every site: {full.Milliseconds:F0} ms; {full.Summary}"));
        var nights = await ChallengeBenchmark.NightsAsync(factory, siteIds, 7);

        var cookies = new CookieContainer();
        using var client = await ViewBenchmark.SignedInAsync(baseUrl, "ni@scale.example", cookies);
        var firstView = await ViewBenchmark.OneAtATimeAsync(client, "/provider", runs, afterSave: true);
        Figures.Report("First /provider after a save (ms)", firstView);
        var (load, uploadsDuringLoad) = await UnderLoadWithUploadsAsync(factory, baseUrl + "/provider", cookies.GetCookieHeader(new Uri(baseUrl)), seconds, siteList);

        var (answered, checkedAfter) = await UploadsAsync(factory, siteList, runs);
        var (_, _, boardPack) = await BoardPackBenchmark.TimeAsync(factory, seeded.ProviderName, runs);
        var trailAudit = await TrailAuditBenchmark.MeasureAsync(factory, runs);
        var firstByte = await CsvFirstByteAsync(client, runs);
        Console.WriteLine($"The row's measures, after generating the provider, read {disk.Since()} from the disk");

        var underLoad = load is null ? "wrk not installed" : string.Create(CultureInfo.InvariantCulture, $"{load.P95:F1} ms ({load.Requests:N0}, {uploadsDuringLoad}; {load.Errors} errors)");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {sites} × {months} | {seeded.Records:N0} | {full.Milliseconds / 1000:F1} s | {Figures.Median(nights):F0} / {Figures.P95(nights):F0} ms | {Figures.Median(firstView):F0} / {Figures.P95(firstView):F0} ms | {underLoad} | {Figures.Median(answered):F0} / {Figures.P95(answered):F0} ms | {Figures.Median(checkedAfter):F0} / {Figures.P95(checkedAfter):F0} ms | {Figures.Median(boardPack) / 1000:F2} / {Figures.P95(boardPack) / 1000:F2} s | {Figures.Median(trailAudit):F0} / {Figures.P95(trailAudit):F0} ms | {Figures.Median(firstByte):F0} / {Figures.P95(firstByte):F0} ms |");
    }

    private static async Task<List<(Guid Id, string Code)>> SitesAsync(ViewBenchmark.KestrelPortal factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        return [.. (await db.Sites.OrderBy(s => s.Code).Select(s => new { s.Id, s.Code }).ToListAsync()).Select(s => (s.Id, s.Code))];
    }

    /// <summary>
    /// wrk on the provider view while a small monthly pack is uploaded every two seconds to one site after
    /// another, each followed by its check in the background, as registered managers' uploads arrive.
    /// </summary>
    private static async Task<(WrkFigures? Load, int Uploads)> UnderLoadWithUploadsAsync(
        ViewBenchmark.KestrelPortal factory, string url, string cookie, int seconds, List<(Guid Id, string Code)> sites)
    {
        using var stop = new CancellationTokenSource();
        var uploads = 0;
        var uploading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var site = sites[(uploads * 7 + 1) % sites.Count].Code;
                await TestWorlds.AsOperatorAsync(factory, async mediator =>
                    Expect(await mediator.Send(new ImportPackCommand(site, new PackFile("pack.xlsx", new PackWorkbook(site).Build()), [], CheckInBackground: true))));
                uploads++;
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        });
        var load = ViewBenchmark.Wrk(url, cookie, seconds, "Provider view while uploads arrive");
        await stop.CancelAsync();
        await uploading;
        Console.WriteLine($"  uploads during the load: {uploads}");
        return (load, uploads);
    }

    /// <summary>
    /// A 5,000-row October pack uploaded to a site with the generated history, as the web upload sends it
    /// (its check queued): the time until the upload is answered, then until the check has landed.
    /// </summary>
    private static async Task<(List<double> Answered, List<double> Checked)> UploadsAsync(ViewBenchmark.KestrelPortal factory, List<(Guid Id, string Code)> sites, int runs)
    {
        var answered = new List<double>();
        var checkedAfter = new List<double>();
        var paused = new List<double>();
        for (var run = 0; run < runs + 1; run++)
        {
            var site = sites[(run * 13 + 3) % sites.Count];
            var workbook = LargePacks.Of(UploadRows, site.Code);

            // The process's garbage collections while the upload is answered: the same build's figure moved by a third of a
            // second with the GC mode alone, so each run says how much of its time the collector paused the process, and how
            // large the heap it walked was.
            var (pausedBefore, fullCollectionsBefore, heapBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2), GC.GetGCMemoryInfo().HeapSizeBytes);
            var disk = DiskReads.Start();
            var timer = Stopwatch.StartNew();
            await TestWorlds.AsOperatorAsync(factory, async mediator =>
                Expect(await mediator.Send(new ImportPackCommand(site.Code, new PackFile("pack.xlsx", workbook), [], CheckInBackground: true))));
            var answeredMs = timer.Elapsed.TotalMilliseconds;
            var answerReadFromDisk = disk.Since();
            var pausedMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
            var fullCollections = GC.CollectionCount(2) - fullCollectionsBefore;
            timer.Restart();
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
                while (await db.PackVersions.AnyAsync(v => v.AwaitingChallengeCheck && db.Packs.Any(p => p.Id == v.PackId && p.SiteId == site.Id)))
                {
                    await Task.Delay(10);
                }
            }

            var checkedMs = timer.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  upload {run + 1} of {UploadRows:N0} rows to {site.Code}: answered {answeredMs:F0} ms (the collector paused {pausedMs:F0} ms of it, {fullCollections} full collections, heap {heapBefore / 1024 / 1024:N0} MB before; {answerReadFromDisk} read from the disk), checked {checkedMs:F0} ms later{(run == 0 ? " (cold, not counted)" : "")}"));
            if (run > 0)
            {
                answered.Add(answeredMs);
                checkedAfter.Add(checkedMs);
                paused.Add(pausedMs);
            }
        }

        Figures.Report($"{UploadRows:N0}-row upload answered (ms)", answered);
        Figures.Report("  of which the garbage collector paused (ms)", paused);
        Figures.Report("Its check landed, after the answer (ms)", checkedAfter);
        return (answered, checkedAfter);
    }

    /// <summary>The provider's challenge register as CSV: the time to its first byte, then the whole of it once.</summary>
    private static async Task<List<double>> CsvFirstByteAsync(HttpClient client, int runs)
    {
        var times = new List<double>();
        long size = 0;
        double whole = 0;
        for (var run = 0; run < runs + 1; run++)
        {
            var timer = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri("/challenges/export.csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            var read = await body.ReadAsync(buffer);
            var firstByteMs = timer.Elapsed.TotalMilliseconds;
            size = read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                size += read;
            }

            whole = timer.Elapsed.TotalMilliseconds;
            if (run > 0)
            {
                times.Add(firstByteMs);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  challenge CSV: {size / 1024.0:N0} KB, the whole of it in {whole:F0} ms (last run)"));
        Figures.Report("Challenge CSV, first byte (ms)", times);
        return times;
    }

    private static void Expect(PackImportResult result)
    {
        if (result.Status != PackImportStatus.Imported)
        {
            throw new InvalidOperationException($"The benchmark pack was not imported ({result.Status}): " + string.Join("; ", result.Errors));
        }
    }
}
