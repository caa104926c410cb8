using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>
/// The portal on PostgreSQL, a real server in a throwaway cluster: its own migration set applies to an
/// empty database at start-up, a provider is set up and a pack imported through the portal's commands,
/// and the change log refuses to be changed, deleted or truncated there as on SQLite.
/// </summary>
public class PostgreSqlTests : IClassFixture<PostgreSqlPortal>
{
    private readonly PostgreSqlPortal _portal;

    public PostgreSqlTests(PostgreSqlPortal portal) => _portal = portal;

    [Fact]
    public void ThePostgreSqlMigrations_MatchTheModel()
    {
        using var db = new PostgreSqlVeriviusDbContext(new DbContextOptionsBuilder<PostgreSqlVeriviusDbContext>().UseNpgsql("Host=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the PostgreSQL migrations lag the model.");
    }

    [Fact]
    public async Task OnAnEmptyDatabase_TheMigrationsApply_APackImports_AndTheChangeLogCannotBeChanged()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_portal);
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        Assert.IsType<PostgreSqlVeriviusDbContext>(db);
        var pending = await db.Database.GetPendingMigrationsAsync();
        var entries = await db.ChangeLog.CountAsync();
        var versions = await db.PackVersions.CountAsync(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site)));
        var chain = ChangeLogChain.Verify(await db.ChangeLog.OrderBy(e => e.Sequence).ToListAsync(), scope.ServiceProvider.GetRequiredService<ChainKey>());

        var refusals = new List<string>();
        await using var connection = new NpgsqlConnection(_portal.ConnectionString);
        await connection.OpenAsync();
        foreach (var tamper in new[] { """UPDATE "ChangeLog" SET "Actor" = 'nobody' WHERE "Sequence" = 1""", """DELETE FROM "ChangeLog" WHERE "Sequence" = 1""", """TRUNCATE "ChangeLog" """ })
        {
            await using var command = new NpgsqlCommand(tamper, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refusals.Add(refused.MessageText);
        }

        Assert.Empty(pending);
        Assert.Equal(1, versions);
        Assert.True(entries > 10, $"Only {entries} change-log entries for a provider, its users and a pack.");
        Assert.Null(chain);
        Assert.All(refusals, message => Assert.Equal("The change log is append-only: an entry cannot be changed or deleted.", message));
        Assert.Equal(entries, await db.ChangeLog.CountAsync());
        Assert.Contains(world.Tag, world.ProviderName, StringComparison.Ordinal);
    }

    /// <summary>
    /// A judgement of a site whose records have not changed since the last reads, of the old records, only those the last
    /// one still read (<c>OldRecordsRead</c>): those queries run on PostgreSQL, and find what a run reading every record finds.
    /// </summary>
    [Fact]
    public async Task AJudgementCarryingTheOldRecordsLastRead_FindsWhatReadingEveryRecordFinds()
    {
        await TestWorlds.GenerateSitesAsync(_portal, 1, 15, 3);
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        List<Guid> sites = [await db.Sites.Where(s => s.Code == "1-900300001").Select(s => s.Id).SingleAsync()];
        for (var day = TestClock.Today; day < TestClock.Today.AddDays(3); day = day.AddDays(1))
        {
            await IncrementalChallengeTests.RunAsync(_portal, runner => runner.RunAsync(sites, day, CancellationToken.None));
            var full = await IncrementalChallengeTests.FullRunLeftUnsavedAsync(_portal, sites, day);
            Assert.True(full.Raised + full.Changed + full.Reopened + full.Cleared == 0, $"On {day:yyyy-MM-dd}, a run reading every record would still change the register: {full}");
        }

        var judgement = await db.SiteJudgements.AsNoTracking().SingleAsync(j => j.SiteId == sites[0]);
        Assert.False(string.IsNullOrEmpty(judgement.OldRecordsRead), "No old records were carried from one judgement to the next: the test would not test the queries that use them.");
    }

    /// <summary>Quartz makes its tables in the PostgreSQL database, as a cluster, and keeps the portal's schedules there.</summary>
    [Fact]
    public async Task TheScheduler_KeepsItsSchedulesInPostgreSql_AsACluster()
    {
        using var portal = new ScheduledPostgreSqlPortal();
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var about = await scheduler.GetMetadata();

        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var stored = new NpgsqlCommand("SELECT trigger_name FROM qrtz_triggers ORDER BY trigger_name", connection);
        var inDatabase = new List<string>();
        await using (var reader = await stored.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                inDatabase.Add(reader.GetString(0));
            }
        }

        Assert.True(about.JobStoreClustered, "Quartz's store on PostgreSQL is not clustered.");
        Assert.True(about.JobStorePersistent);
        Assert.Contains("nightly-challenges", inDatabase);
        Assert.Contains("history-checkpoint", inDatabase);
    }
}
