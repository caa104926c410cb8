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

    /// <summary>
    /// Two real portal processes on one PostgreSQL database: a person signed in on one is signed in on the
    /// other (the data-protection keys and the sessions are in the database), and signing out on the
    /// second ends the session on the first.
    /// </summary>
    [Fact]
    public async Task TwoInstancesOnOneDatabase_ShareTheSignIn_AndItsEnd()
    {
        var world = await TestWorlds.CreateAsync(_portal, sites: 1);
        var site = world.SiteCodes[0];
        var unused = Path.Combine(Path.GetTempPath(), $"verivius-unused-{Guid.NewGuid():N}.db");
        await using var first = await PortalProcess.StartAsync(unused, _portal.SharedSettings);
        await using var second = await PortalProcess.StartAsync(unused, _portal.SharedSettings);

        var cookies = new System.Net.CookieContainer();
        using var onFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.Address };
        var login = await onFirst.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await onFirst.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = world.RegisteredManager,
            ["Password"] = TestWorlds.Password,
            ["__RequestVerificationToken"] = token,
        }));
        using var onSecond = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = second.Address };
        onSecond.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(first.Address));

        using var readOnSecond = await onSecond.GetAsync(new Uri($"/sites/{site}", UriKind.Relative));
        var page = await readOnSecond.Content.ReadAsStringAsync();
        var signOutToken = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signOut = await onSecond.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = signOutToken }));
        using var afterSignOut = await onFirst.GetAsync(new Uri($"/sites/{site}", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, readOnSecond.StatusCode);
        Assert.Contains(world.SiteName(0), page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains("/account/login", afterSignOut.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
