using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Packs;

namespace Verivius.Tests.Features;

/// <summary>A new version of a month says what it would change, row by row and challenge by challenge, before anything is written.</summary>
public class PackPreviewTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public PackPreviewTests(PortalFactory factory) => _factory = factory;

    /// <summary>October's first version: the default rows, and a nurse's fire safety course expired with no plan, which is challenged.</summary>
    private static PackWorkbook October(string site) => new PackWorkbook(site, "2026-10")
        .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2026-06-01"));

    [Fact]
    public async Task AVersionThatDropsTrainingRows_IsPreviewedWithThem_AndNothingIsWrittenUntilRemovalsAreAllowed()
    {
        var (rm, site) = await SiteWithOctoberAsync();
        var before = await StateAsync(site);
        var dropsTheNurse = new PackWorkbook(site, "2026-10").Set("Complaints", 2, "Theme", "Laundry and labels").Build();

        var dryRun = await SendAsync(rm, site, dropsTheNurse, PackImportMode.DryRun);
        var afterDryRun = await StateAsync(site);
        var refused = await SendAsync(rm, site, dropsTheNurse, PackImportMode.Import, allowRemovals: false);
        var afterRefusal = await StateAsync(site);
        var imported = await SendAsync(rm, site, dropsTheNurse, PackImportMode.Import);

        Assert.Equal((PackImportStatus.Previewed, 1, 2), (dryRun.Status, dryRun.Version, dryRun.Preview!.NewVersion));
        var training = dryRun.Preview.Changes.Sheets.Single(s => s.Sheet == "Training");
        Assert.Equal(["ST-02, Fire safety"], training.Removed);
        Assert.Empty(training.Added);
        Assert.Empty(training.Changed);
        Assert.Equal(["CMP-1 (Theme)"], dryRun.Preview.Changes.Sheets.Single(s => s.Sheet == "Complaints").Changed.Select(c => c.ToString()));
        Assert.Contains(dryRun.Preview.Closing, c => c.Code == ChallengeCodes.TrnOverdueNoPlan);
        Assert.Equal(before, afterDryRun);
        Assert.Equal(PackImportStatus.Refused, refused.Status);
        Assert.Equal("Training", Assert.Single(refused.Errors).Sheet);
        Assert.Contains("would remove 1 row that October 2026 holds: ST-02, Fire safety", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, afterRefusal);
        Assert.Equal((PackImportStatus.Imported, 2), (imported.Status, imported.Version));
        Assert.Equal((1, 2), ((await StateAsync(site)).Training, (await StateAsync(site)).Versions));
    }

    [Fact]
    public async Task APlanAddedToAnExpiredCourse_IsPreviewedAsThatColumnChanging_AndTheChallengeItClears()
    {
        var (rm, site) = await SiteWithOctoberAsync();
        var planned = October(site).Set("Training", 3, "PlannedOn", TestClock.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Build();

        var preview = (await SendAsync(rm, site, planned, PackImportMode.DryRun)).Preview!;

        var training = preview.Changes.Sheets.Single(s => s.Sheet == "Training");
        Assert.Equal(["ST-02, Fire safety (PlannedOn)"], training.Changed.Select(c => c.ToString()));
        Assert.Equal((0, 0), (training.Added.Count, training.Removed.Count));
        Assert.All(preview.Changes.Sheets.Where(s => s.Sheet != "Training"), s => Assert.True(s.ChangesNothing, s.Sheet));
        var cleared = Assert.Single(preview.Challenges);
        Assert.Equal((ChallengeCodes.TrnOverdueNoPlan, false), (cleared.Code, cleared.Opens));
    }

    [Fact]
    public async Task TheWebUpload_ImportsAMonthsFirstVersion_ButPreviewsTheNext_UntilItIsConfirmed()
    {
        var (rm, site) = await SiteWithOctoberAsync();
        var next = new PackWorkbook(site, "2026-10").Set("Complaints", 2, "Theme", "Laundry and labels").Build();

        var previewed = await SendAsync(rm, site, next, PackImportMode.PreviewNewVersion);
        var afterPreview = await StateAsync(site);
        var stale = await SendAsync(rm, site, next, PackImportMode.Import, confirmsVersion: 0);
        var confirmed = await SendAsync(rm, site, next, PackImportMode.Import, confirmsVersion: 1);

        Assert.Equal((PackImportStatus.Previewed, 1), (previewed.Status, afterPreview.Versions));
        Assert.Equal(PackImportStatus.Previewed, stale.Status);
        Assert.Contains(stale.Warnings, w => w.Message.StartsWith("version 1 of October 2026 arrived after the preview you confirmed", StringComparison.Ordinal));
        Assert.Equal((PackImportStatus.Imported, 2), (confirmed.Status, confirmed.Version));
    }

    [Fact]
    public async Task AWorkbookWhoseRowsAreAllHeldAlready_StoresNothing_EvenWhenItsBytesDiffer()
    {
        var (rm, site) = await SiteWithOctoberAsync();
        var sameRows = October(site).Set("Pack", 4, "Value", "Deputy manager").Build();

        var result = await SendAsync(rm, site, sameRows, PackImportMode.PreviewNewVersion);

        Assert.Equal((PackImportStatus.Unchanged, 1), (result.Status, result.Version));
        Assert.Equal(1, (await StateAsync(site)).Versions);
    }

    private async Task<(string Rm, string Site)> SiteWithOctoberAsync()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        var first = await SendAsync(world.RegisteredManager, site, October(site).Build(), PackImportMode.PreviewNewVersion);
        Assert.Equal((PackImportStatus.Imported, 1), (first.Status, first.Version));
        return (world.RegisteredManager, site);
    }

    private Task<PackImportResult> SendAsync(string email, string site, byte[] workbook, PackImportMode mode, bool allowRemovals = true, int? confirmsVersion = null) =>
        TestWorlds.ImportPackAsync(_factory, email, new ImportPackCommand(site, new PackFile("pack.xlsx", workbook), [], Mode: mode, ConfirmsVersion: confirmsVersion, AllowRemovals: allowRemovals));

    /// <summary>What a preview must leave alone: versions, the training matrix, the register, the change log and the stored files.</summary>
    private async Task<(int Versions, int Training, string Challenges, int Log, int Files)> StateAsync(string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == site).Select(s => s.Id).SingleAsync();
        var register = await db.Challenges.Where(c => c.SiteId == siteId).OrderBy(c => c.Code).ThenBy(c => c.Key).Select(c => c.Code + ":" + c.Status).ToListAsync();
        return (
            await db.PackVersions.CountAsync(v => db.Packs.Any(p => p.Id == v.PackId && p.SiteId == siteId)),
            await db.Training.CountAsync(t => t.SiteId == siteId),
            string.Join(", ", register),
            await db.ChangeLog.CountAsync(),
            scope.ServiceProvider.GetRequiredService<Verivius.Infrastructure.Files.FileStore>().List().Count());
    }
}
