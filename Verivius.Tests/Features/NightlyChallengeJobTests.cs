using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Features;

/// <summary>
/// The nightly run is a Quartz job kept in the portal's own database: the schedule is stored there
/// (so it survives a restart), and the job, when it fires, runs the engine for every site.
/// </summary>
public class NightlyChallengeJobTests : IClassFixture<NightlyChallengeJobTests.ScheduledPortal>
{
    private readonly ScheduledPortal _factory;

    public NightlyChallengeJobTests(ScheduledPortal factory) => _factory = factory;

    [Fact]
    public async Task TheNightlySchedule_IsStoredInThePortalsDatabase_AndTheJobRunsTheEngineForEverySite()
    {
        using var client = _factory.CreateClient();
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await ImportWithoutCheckingAsync(world.RegisteredManager, world.SiteCodes[0]);
        Assert.Equal(0, await ChallengeCountAsync(world.SiteCodes[0]));

        var (cron, nextFire) = await StoredTriggerAsync();
        var scheduler = await _factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(NightlyChallengesJob.Key, CancellationToken.None);
        var raised = 0;
        for (var attempt = 0; attempt < 60 && raised == 0; attempt++)
        {
            await Task.Delay(500);
            raised = await ChallengeCountAsync(world.SiteCodes[0]);
        }

        Assert.Equal("0 30 2 * * ?", cron);
        Assert.True(nextFire > DateTimeOffset.UtcNow, $"The stored trigger fires next at {nextFire:u}, which is not in the future.");
        Assert.True(raised > 0, "The nightly job did not raise the site's challenges within 30 seconds.");
    }

    [Fact]
    public async Task AWebUploadsCheck_IsAQuartzJobInThePortalsDatabase_AndLandsOnTheVersion()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var uploaded = await manager.UploadPackAsync(site, new PackWorkbook(site).Build());
        string? outcome = null;
        for (var attempt = 0; attempt < 60 && outcome is null; attempt++)
        {
            await Task.Delay(500);
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            outcome = await db.PackVersions.Where(v => !v.AwaitingChallengeCheck && db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site)))
                .Select(v => v.ChallengeCheck).SingleOrDefaultAsync();
        }

        // Where the scheduler runs, the portal keeps no queue of its own: only a Quartz job could have done it.
        Assert.True(_factory.Services.GetRequiredService<ChecksAfterImport>().AreShared);
        Assert.Equal($"1 site(s) checked: {await ChallengeCountAsync(site)} challenge(s) raised, 0 changed, 0 reopened, 0 closed as condition cleared.", outcome);
    }

    private async Task ImportWithoutCheckingAsync(string email, string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(userId, email);
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
            new ImportPackCommand(site, new PackFile("pack.xlsx", new PackWorkbook(site).Build()), [], CheckChallenges: false));
        Assert.Equal(PackImportStatus.Imported, result.Status);
    }

    private async Task<int> ChallengeCountAsync(string siteCode)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        return await db.Challenges.CountAsync(c => db.Sites.Any(s => s.Id == c.SiteId && s.Code == siteCode));
    }

    /// <summary>Read straight from Quartz's own tables, as a restarted portal would find it.</summary>
    private async Task<(string Cron, DateTimeOffset NextFire)> StoredTriggerAsync()
    {
        await using var connection = new SqliteConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.CRON_EXPRESSION, t.NEXT_FIRE_TIME FROM QRTZ_TRIGGERS t
            JOIN QRTZ_CRON_TRIGGERS c ON c.SCHED_NAME = t.SCHED_NAME AND c.TRIGGER_NAME = t.TRIGGER_NAME AND c.TRIGGER_GROUP = t.TRIGGER_GROUP
            WHERE t.TRIGGER_NAME = 'nightly-challenges'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "No nightly trigger is stored in the database.");
        return (reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero));
    }

    public sealed class ScheduledPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" };
    }
}
