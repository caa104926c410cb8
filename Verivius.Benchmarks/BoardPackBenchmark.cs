using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests;
using Verivius.Tests.Support;
using Verivius.Web.Documents;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Documents;
using Verivius.Web.Features.Documents.GovernancePacks;

namespace Verivius.Benchmarks;

/// <summary>
/// The board pack of a large provider: generates the provider (seed-scale), raises its challenges
/// once, then writes last month's board pack several times, timing each and sampling the process's
/// working set while it runs to report the most memory it took above where it started, and how
/// much it allocated in all (most of it short-lived).
/// </summary>
internal static class BoardPackBenchmark
{
    /// <param name="database">A database file to keep, as for <c>challenges</c>: generated there (challenges raised) if it does not exist, measured as it is if it does.</param>
    public static async Task RunAsync(int sites, int months, int runs, string? database)
    {
        var (factory, seededBefore) = KeptDatabasePortal.Open(database);
        using var portal = factory;
        var provider = seededBefore
            ? await KeptDatabasePortal.GeneratedProviderAsync(factory, database!, "board-pack")
            : (await ScaleData.SeedAsync(factory, sites, months, async (mediator, _) => await mediator.Send(new RunChallengesCommand(null)))).ProviderName;

        var (period, lastWritten, _) = await TimeAsync(factory, provider, runs);
        await PhasesAsync(factory, provider, period, runs);
        await PdfAsync(lastWritten);
    }

    /// <summary>Writes last month's board pack <paramref name="runs"/> times after a first, cold one; prints the times and memory.</summary>
    /// <returns>The month written, the last pack written, and the warm runs in milliseconds, sorted.</returns>
    internal static async Task<(string Period, byte[] LastWritten, List<double> Times)> TimeAsync(PortalFactory factory, string provider, int runs)
    {
        var period = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var times = new List<double>();
        var extra = new List<double>();
        var allocated = new List<double>();
        long size = 0;
        byte[] lastWritten = [];
        for (var run = 0; run < runs + 1; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var baseline = process.WorkingSet64;
            var peak = baseline;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(5);
                }
            });

            using var output = new MemoryStream();
            var elapsed = 0.0;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            await TestWorlds.AsOperatorAsync(factory, async mediator =>
            {
                var clock = Stopwatch.StartNew();
                var written = await mediator.Send(new GenerateDocumentCommand("board-pack", period, provider, null, null, output));
                elapsed = clock.Elapsed.TotalMilliseconds;
                TestWorlds.Expect(written);
                size = written.Value!.SizeBytes;
            });
            await sampling.CancelAsync();
            await sampler;
            lastWritten = output.ToArray();

            // The first run pays for JIT; it is reported, not counted.
            if (run == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Board pack, cold: {elapsed:F0} ms"));
                continue;
            }

            times.Add(elapsed);
            extra.Add((peak - baseline) / 1048576.0);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Board pack: {size / 1024.0:N0} KB"));
        Figures.Report("Board pack (ms)", times);
        Figures.Report("Board pack, working set above baseline (MB)", extra);
        Figures.Report("Board pack, allocated while writing (MB)", allocated);
        return (period, lastWritten, times);
    }

    /// <summary>
    /// Where a pack's time goes: gathering the evidence, each section in turn, and writing the Word file, over
    /// <paramref name="runs"/> packs, each phase's median printed (one pack's phases move by tens of milliseconds from run to run).
    /// </summary>
    private static async Task PhasesAsync(PortalFactory factory, string providerName, string month, int runs)
    {
        var phases = new Dictionary<string, List<double>>();
        void Lap(string phase, Stopwatch clock)
        {
            phases.TryAdd(phase, []);
            phases[phase].Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
        }

        for (var run = 0; run < runs; run++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var providerId = await db.Providers.Where(p => p.Name == providerName).Select(p => p.Id).SingleAsync();
            var period = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var document = new GovernanceDocument(
                providerId, DocumentKind.BoardPack, period, new DocumentScope(providerName, null, null), "Board pack", period.AddMonths(1).AddDays(-1), "benchmark");
            var clock = Stopwatch.StartNew();
            var pack = await GovernancePackEvidence.GatherAsync(db, document, CancellationToken.None);
            Lap("gathering the evidence", clock);
            var blocks = new List<DocumentBlock>();
            foreach (var section in GovernancePack.Sections)
            {
                blocks.AddRange(await section.WriteAsync(pack, CancellationToken.None));
                Lap(section is Appendix appendix ? appendix.Name : section.GetType().Name, clock);
            }

            using var word = new MemoryStream();
            GovernanceDocumentWriter.Write(new DocumentContent("Board pack", providerName, [], DateTimeOffset.UnixEpoch, blocks), word);
            Lap("writing the Word file", clock);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Board pack by phase, median of {runs} more packs (ms): ")
            + string.Join("; ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {Figures.Median([.. p.Value.Order()]):F0}"))));
    }

    /// <summary>The background conversion of the last pack to PDF, as the portal makes it, timed once.</summary>
    private static async Task PdfAsync(byte[] word)
    {
        var converter = PdfConverter.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        if (!converter.IsAvailable)
        {
            Console.WriteLine("LibreOffice is not installed (apt-get install libreoffice-writer-nogui): the PDF conversion is not measured.");
            return;
        }

        var clock = Stopwatch.StartNew();
        var pdf = await converter.ConvertAsync(word, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Board pack to PDF with LibreOffice (in the background in the portal): {clock.Elapsed.TotalSeconds:F1} s, {pdf.Length / 1024.0:N0} KB"));
    }
}
