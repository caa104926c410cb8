using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Benchmarks;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Workbooks;
using Verivius.Tests;
using Verivius.Tests.Support;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;

// dotnet run -c Release --project Verivius.Benchmarks [-- --runs N --rows R]
// dotnet run -c Release --project Verivius.Benchmarks -- challenges [--sites 500 --months 36 --runs 5 --nights 7] [--database FILE]  (kept: generated once, then reused)
// dotnet run -c Release --project Verivius.Benchmarks -- trail-audit [--sites 500 --months 36 --runs 7] [--database FILE]  (as for challenges)
// dotnet run -c Release --project Verivius.Benchmarks -- board-pack [--sites 500 --months 36 --runs 5] [--database FILE]  (as for challenges)
// dotnet run -c Release --project Verivius.Benchmarks -- sign-in [--runs 20]
// dotnet run -c Release --project Verivius.Benchmarks -- template [--runs 7]
// dotnet run -c Release --project Verivius.Benchmarks -- growth [--sizes 100x36,500x12,500x36,500x60 --runs 5 --seconds 30]  (wrk: apt-get install wrk)
// dotnet run -c Release --project Verivius.Benchmarks -- uploads [--sites 500 --months 36 --runs 5]  (the growth row's upload measure alone;
//   DOTNET_gcServer=1 before it measures with the server GC the portal runs with)
// dotnet run -c Release --project Verivius.Benchmarks -- views [--sites 500 --months 36 --runs 20 --seconds 30] [--postgresql]  (wrk: apt-get install wrk)
// The first runs after start pay for JIT tiering (the first import ~2 s, the second ~1 s); they are
// reported as the cold figure and kept out of the steady-state median and p95.
const int WarmUp = 3;
var runs = Argument("--runs", 7);
var rows = Argument("--rows", 5000);
// Workstation GC unless DOTNET_gcServer=1 is set, as the portal runs: said on the first line, since the mode moves the figures.
Console.WriteLine($"Verivius benchmarks on {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {runs} runs each");
if (args.Contains("sign-in"))
{
    await Verivius.Benchmarks.SignInBenchmark.RunAsync(Argument("--runs", 20));
    return;
}

if (args.Contains("template"))
{
    await Verivius.Benchmarks.TemplateBenchmark.RunAsync(runs);
    return;
}

if (args.Contains("growth"))
{
    var sizes = ArgumentText("--sizes", "100x36,500x12,500x36,500x60").Split(',')
        .Select(size => size.Split('x') is [var sites, var months] && int.TryParse(sites, CultureInfo.InvariantCulture, out var s) && int.TryParse(months, CultureInfo.InvariantCulture, out var m)
            ? (s, m)
            : throw new ArgumentException($"--sizes takes sizes as sites x months separated by commas, such as 100x36,500x12; \"{size}\" is not one."))
        .ToList();
    await Verivius.Benchmarks.GrowthBenchmark.RunAsync(sizes, Argument("--runs", 5), Argument("--seconds", 30));
    return;
}

if (args.Contains("uploads"))
{
    await Verivius.Benchmarks.GrowthBenchmark.UploadsOnlyAsync(Argument("--sites", 500), Argument("--months", 36), Argument("--runs", 5));
    return;
}

if (args.Contains("views"))
{
    await Verivius.Benchmarks.ViewBenchmark.RunAsync(Argument("--sites", 500), Argument("--months", 36), runs, Argument("--seconds", 30), args.Contains("--postgresql"));
    return;
}

if (args.Contains("trail-audit"))
{
    await Verivius.Benchmarks.TrailAuditBenchmark.RunAsync(Argument("--sites", 500), Argument("--months", 36), runs, KeptDatabase());
    return;
}

if (args.Contains("board-pack"))
{
    await Verivius.Benchmarks.BoardPackBenchmark.RunAsync(Argument("--sites", 500), Argument("--months", 36), runs, KeptDatabase());
    return;
}

if (args.Contains("challenges"))
{
    var nights = Argument("--nights", Math.Max(runs, 7));
    if (nights < 2)
    {
        throw new ArgumentException($"--nights takes 2 or more: the first night judges every site, and the figures are of the nights after it; {nights} leaves none.");
    }

    await Verivius.Benchmarks.ChallengeBenchmark.RunAsync(Argument("--sites", 500), Argument("--months", 36), runs, KeptDatabase(), nights);
    return;
}

using var factory = new PortalFactory();
factory.CreateClient().Dispose();
var workbook = LargePacks.Of(rows);
Console.WriteLine($"Pack workbook: {rows:N0} rows, {workbook.Length / 1024:N0} KB");

var readTimes = new List<double>();
for (var run = 0; run < runs + WarmUp; run++)
{
    var timer = Stopwatch.StartNew();
    using var opened = XlsxWorkbook.Open(new MemoryStream(workbook));
    var read = Verivius.Domain.Packs.Reading.PackReader.Read(opened, new DateOnly(2026, 11, 22));
    timer.Stop();
    if (!read.Succeeded)
    {
        throw new InvalidOperationException("The benchmark pack does not read: " + string.Join("; ", read.Errors));
    }

    if (run >= WarmUp)
    {
        readTimes.Add(timer.Elapsed.TotalMilliseconds);
    }
}

Figures.Report($"Read and validate {rows:N0} rows (ms)", readTimes);

// Each run imports into a fresh site, so every run does the whole import (no 'unchanged' shortcut), then
// previews a second version of the month as the web upload does: a fifth of its rows changed, a tenth of the matrix gone.
var importTimes = new List<double>();
var previewTimes = new List<double>();
double? coldImport = null;
for (var run = 0; run < runs + WarmUp; run++)
{
    var world = await TestWorlds.CreateAsync(factory, sites: 1);
    var bytes = LargePacks.Of(rows, world.SiteCodes[0]);
    await using var scope = factory.Services.CreateAsyncScope();
    var userId = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Users.Where(u => u.Email == world.RegisteredManager).Select(u => u.Id).SingleAsync();
    scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(userId, world.RegisteredManager);
    var timer = Stopwatch.StartNew();
    var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportPackCommand(world.SiteCodes[0], new PackFile("pack.xlsx", bytes), []));
    timer.Stop();
    if (result.Status != PackImportStatus.Imported)
    {
        throw new InvalidOperationException("The benchmark pack was refused: " + string.Join("; ", result.Errors));
    }

    coldImport ??= timer.Elapsed.TotalMilliseconds;
    var revised = LargePacks.Of(rows, world.SiteCodes[0], revised: true);
    await using var previewScope = factory.Services.CreateAsyncScope();
    previewScope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(userId, world.RegisteredManager);
    var previewTimer = Stopwatch.StartNew();
    var preview = await previewScope.ServiceProvider.GetRequiredService<IMediator>().Send(
        new ImportPackCommand(world.SiteCodes[0], new PackFile("pack-v2.xlsx", revised), [], Mode: PackImportMode.PreviewNewVersion));
    previewTimer.Stop();
    if (preview.Preview?.Changes.Sheets.Sum(s => s.Changed.Count + s.Removed.Count) is not > 0)
    {
        throw new InvalidOperationException("The second version was not previewed with its changes: " + preview.Status);
    }

    if (run >= WarmUp)
    {
        importTimes.Add(timer.Elapsed.TotalMilliseconds);
        previewTimes.Add(previewTimer.Elapsed.TotalMilliseconds);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Import of a {rows:N0}-row pack, first run after start (ms): {coldImport:F0}"));
Figures.Report($"Import of a {rows:N0}-row pack, steady (ms)", importTimes);
Figures.Report($"Preview of a {rows:N0}-row new version, with its challenges (ms)", previewTimes);

var bomb = ZipBomb();
var hostileTimes = new List<double>();
var hostileMemory = new List<double>();
for (var run = 0; run <= runs; run++)
{
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var timer = Stopwatch.StartNew();
    try
    {
        using var opened = XlsxWorkbook.Open(new MemoryStream(bomb));
        throw new InvalidOperationException("The zip bomb was opened.");
    }
    catch (UnreadableWorkbookException)
    {
        timer.Stop();
    }

    if (run > 0)
    {
        hostileTimes.Add(timer.Elapsed.TotalMilliseconds);
        hostileMemory.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0));
    }

}

Console.WriteLine($"Zip bomb: {bomb.Length / 1024:N0} KB packed, 200 MB declared inside");
Figures.Report("Refusal of a zip bomb (ms)", hostileTimes);
Figures.Report("Refusal of a zip bomb (MB allocated)", hostileMemory);

static byte[] ZipBomb()
{
    using var stream = new MemoryStream();
    using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
    {
        using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
        var block = new byte[1024 * 1024];
        for (var i = 0; i < 200; i++)
        {
            entry.Write(block);
        }
    }

    return stream.ToArray();
}

int Argument(string name, int fallback) => int.Parse(ArgumentText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

// The database file a benchmark keeps between runs (--database FILE), if one is named.
string? KeptDatabase() => ArgumentText("--database", "") is { Length: > 0 } file ? file : null;

string ArgumentText(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
