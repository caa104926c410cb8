using System.Diagnostics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests;
using Verivius.Tests.Support;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;

namespace Verivius.Benchmarks;

/// <summary>
/// How long the pre-filled workbook takes for a site whose matrix is 100 staff × 12 courses, with 150
/// supervisions and 40 open actions: read what the site holds and write the workbook, as the download does.
/// </summary>
internal static class TemplateBenchmark
{
    private const int Staff = 100;
    private const int Courses = 12;

    public static async Task RunAsync(int runs)
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        var world = await TestWorlds.CreateAsync(factory, sites: 1, reportingFrom: new DateOnly(2026, 10, 1));
        var site = world.SiteCodes[0];
        var imported = await TestWorlds.ImportPackAsync(factory, world.RegisteredManager, site, LargeSite(site).Build());
        if (imported.Status != PackImportStatus.Imported)
        {
            throw new InvalidOperationException("The benchmark site's pack was refused: " + string.Join("; ", imported.Errors));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Users.Where(u => u.Email == world.RegisteredManager).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(userId, world.RegisteredManager);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var times = new List<double>();
        long size = 0;
        for (var run = 0; run < runs + 2; run++)
        {
            var timer = Stopwatch.StartNew();
            var template = await mediator.Send(new DownloadPackTemplateQuery(site, "2026-11"));
            timer.Stop();
            size = template.Content.Length;
            if (run >= 2)
            {
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"Pre-filled workbook: {Staff} staff × {Courses} courses, {size / 1024:N0} KB");
        Figures.Report($"Pre-filled template, {Staff} × {Courses} matrix (ms)", times);
    }

    private static PackWorkbook LargeSite(string site)
    {
        var pack = new PackWorkbook(site).Clear("Training").Clear("Supervision").Clear("Actions").Clear("Decisions").Clear("Incidents").Clear("Recovery").Clear("Inspection");
        var day = new DateOnly(2026, 10, 1);
        for (var staff = 0; staff < Staff; staff++)
        {
            for (var course = 0; course < Courses; course++)
            {
                pack.Row("Training", ("StaffRef", $"ST-{staff:000}"), ("Role", "Care assistant"), ("Course", $"Course {course}"), ("Mandatory", "Y"), ("CompletedOn", day.AddDays(-200 - course)), ("ExpiresOn", day.AddDays(165 + course)));
            }
        }

        for (var i = 0; i < 150; i++)
        {
            pack.Row("Supervision", ("StaffRef", $"ST-{i % Staff:000}"), ("Type", "Supervision"), ("HeldOn", day.AddDays(-(i % 60))));
        }

        for (var i = 0; i < 40; i++)
        {
            pack.Row("Actions", ("ActionRef", $"ACT-{i}"), ("Title", "Review the care plan"), ("Source", "Other"), ("RaisedOn", day.AddDays(i % 28)), ("DueOn", day.AddDays(60)), ("Status", "Open"));
        }

        return pack;
    }
}
