using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Packs;
using Verivius.Web.Features.Trail;

namespace Verivius.Tests.Features;

/// <summary>
/// The trail audit reads only what one month can use — the month's decisions and incidents, the actions
/// they name, the matrix rows falling due and the completions of the same staff's courses, recent
/// supervision — so that its cost follows the month, not the history kept. What it leaves unread must
/// change nothing: on the demo and on generated data, every site's audit of each of the last twelve months
/// is the audit of all the site's records.
/// </summary>
public class TrailAuditReadsTests
{
    [Fact]
    public async Task OnTheDemo_EachMonthsAuditFromItsOwnReads_IsTheAuditOfEveryRecord()
    {
        using var factory = new DemoFactory();
        factory.CreateClient().Dispose();
        await AssertBoundedReadsChangeNothingAsync(factory);
    }

    [Fact]
    public async Task AMonthBeforeWhoseSupervisionRecordListsOnlyOldSessions_IsStillTheRecordTheMonthIsJudgedFrom()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        var world = await TestWorlds.CreateAsync(factory, sites: 1);
        var site = world.SiteCodes[0];
        var month = TestClock.LastMonth;

        // The month before's record was sent, with sessions long past; the month's own names a session whose next falls due in the month.
        // Judged from the month before's record nothing falls due; a read that left out its old sessions would judge from the month's own.
        await ImportAsync(factory, world, Pack(site, month.AddMonths(-1), ("ST-01", month.AddMonths(-5))));
        await ImportAsync(factory, world, Pack(site, month, ("ST-02", month.AddDays(10 - ChallengeThresholds.Defaults.SupervisionDays))));

        await AssertBoundedReadsChangeNothingAsync(factory, requireRenewals: false);
    }

    [Fact]
    public async Task ASessionInTheMonthsOwnRecordHeldBeforeIt_DoesNotReplaceTheLastOneOfTheMonthBefore()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        var world = await TestWorlds.CreateAsync(factory, sites: 1);
        var site = world.SiteCodes[0];
        var month = TestClock.LastMonth;

        // Judged from the month before's record, ST-03's next session falls due in the month, and the month's own record shows
        // it held (before the month began). A read that took that session as the last before the month would find nothing due.
        await ImportAsync(factory, world, Pack(site, month.AddMonths(-1), ("ST-03", month.AddDays(5 - ChallengeThresholds.Defaults.SupervisionDays))));
        await ImportAsync(factory, world, Pack(site, month, ("ST-03", month.AddDays(-10))));

        await AssertBoundedReadsChangeNothingAsync(factory, requireRenewals: false);
    }

    internal static async Task AssertBoundedReadsChangeNothingAsync(PortalFactory factory, bool requireRenewals = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var auditor = scope.ServiceProvider.GetRequiredService<TrailAuditor>();
        var today = auditor.Today;
        var renewalsTraced = 0;
        var supervisionHeld = 0;
        foreach (var provider in await db.Providers.Select(p => p.Id).ToListAsync())
        {
            var sites = await db.Sites.Where(s => s.ProviderId == provider).Select(s => s.Id).ToListAsync();
            var thresholds = await db.ChallengeSettings.Where(s => s.ProviderId == provider).Select(s => s.Thresholds).FirstOrDefaultAsync() ?? ChallengeThresholds.Defaults;
            var everything = new Dictionary<Guid, TrailEvidence>();
            foreach (var site in sites)
            {
                everything[site] = await EveryRecordAsync(db, site);
            }

            foreach (var month in TrailAuditor.LastTwelveMonths(today))
            {
                var bounded = await auditor.AuditAsync(sites, provider, month, CancellationToken.None);
                foreach (var site in sites)
                {
                    var expected = TrailAudit.Of(everything[site], month, today, thresholds, WorkingDays.EnglandAndWales);
                    Assert.Equal(Lines(expected), Lines(bounded[site]));
                    renewalsTraced += expected.Chains.Count(c => c.Kind == TrailItemKind.TrainingDue && c.Links.Any(l => l.Found.StartsWith("Completed", StringComparison.Ordinal)));
                    supervisionHeld += expected.Chains.Count(c => c.Kind == TrailItemKind.SupervisionDue && c.Links.Any(l => l.Found.StartsWith("Held", StringComparison.Ordinal)));
                }
            }
        }

        // The comparison means something only if the data has training that fell due and was renewed, and supervision that fell due and was held.
        Assert.True(!requireRenewals || renewalsTraced > 0, "No training row fell due and was renewed in any month audited.");
        Assert.True(!requireRenewals || supervisionHeld > 0, "No supervision fell due and was held in any month audited.");
    }

    private static PackWorkbook Pack(string site, DateOnly period, (string Staff, DateOnly HeldOn) session) =>
        new PackWorkbook(site, period.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .Set("Pack", 5, "Value", period.AddMonths(1).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Clear("Supervision")
            .Row("Supervision", ("StaffRef", session.Staff), ("Type", "Supervision"), ("HeldOn", session.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static async Task ImportAsync(PortalFactory factory, ProviderWorld world, PackWorkbook pack)
    {
        var imported = await TestWorlds.ImportPackAsync(factory, world.RegisteredManager, world.SiteCodes[0], pack.Build());
        Assert.True(imported.Status == PackImportStatus.Imported, string.Join("; ", imported.Errors.Select(e => e.Message)));
    }

    private static async Task<TrailEvidence> EveryRecordAsync(VeriviusDbContext db, Guid site)
    {
        var training = await db.Training.AsNoTracking().Where(t => t.SiteId == site).ToListAsync();
        var supervision = await db.Supervision.AsNoTracking().Where(s => s.SiteId == site).ToListAsync();
        return new TrailEvidence
        {
            Decisions = await db.Decisions.AsNoTracking().Where(d => d.SiteId == site).ToListAsync(),
            Incidents = await db.Incidents.AsNoTracking().Where(i => i.SiteId == site).ToListAsync(),
            Actions = await db.Actions.AsNoTracking().Where(a => a.SiteId == site).ToListAsync(),
            Findings = await db.InspectionFindings.AsNoTracking().Where(f => f.SiteId == site).ToListAsync(),
            Training = training,
            MatrixMonths = training.Select(t => t.Period).ToHashSet(),
            Supervision = supervision,
            SupervisionMonths = TrailEvidence.SessionMonths(supervision),
        };
    }

    private static List<string> Lines(TrailAuditResult audit) =>
        [.. audit.Chains.Select(c => $"{c.Kind} {c.Ref} {c.Title}: " + string.Join(" | ", c.Links.Select(l => $"{l.Step}={l.Found} ({l.State}) {l.Reason}"))
            + " [" + string.Join(", ", c.Records.Select(r => $"{r.Kind}/{r.Ref}")) + "]")];

    private sealed class DemoFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12" };
    }
}

/// <summary>The same comparison on generated data: three sites with a year of every kind of record, matrices with rows falling due and renewed.</summary>
public class TrailAuditReadsOnGeneratedDataTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public TrailAuditReadsOnGeneratedDataTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task OnGeneratedData_EachMonthsAuditFromItsOwnReads_IsTheAuditOfEveryRecord()
    {
        _factory.CreateClient().Dispose();
        await TestWorlds.GenerateSitesAsync(_factory, 3, 12, 11);
        await TrailAuditReadsTests.AssertBoundedReadsChangeNothingAsync(_factory);
    }
}
