using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Documents;

namespace Verivius.Tests.Features;

/// <summary>
/// Each provider's document schedules are Quartz triggers in the portal's own database: they fire,
/// each (provider, kind, month, scope) is written once however often its run comes round, and a run
/// that came due while the portal was down is made up once it is back.
/// </summary>
public sealed class DocumentScheduleTests : IDisposable
{
    // Quartz fires by the real clock and names the month from its fire time, so these tests live in real time.
    private static readonly DateOnly LastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"verivius-schedule-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task ARunFiresFromQuartz_AndASecondRunOfTheSameSlots_WritesNothingTwice()
    {
        using var portal = new ScheduledPortal(_database);
        portal.CreateClient().Dispose();
        var (providerId, _) = await ProviderWithSchedulesAsync(portal);

        Assert.Equal("0 0 6 3 * ?", await StoredCronAsync(providerId, DocumentKind.BoardPack));
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(DocumentScheduler.JobKeyOf(providerId, DocumentKind.BoardPack));
        await WaitForAsync(portal, providerId, DocumentKind.BoardPack, ready: 1);

        var job = ActivatorUtilities.CreateInstance<ScheduledDocumentsJob>(portal.Services);
        Assert.Equal(0, await job.WriteAsync(providerId, DocumentKind.BoardPack, LastMonth, CancellationToken.None));
        Assert.Equal(2, await job.WriteAsync(providerId, DocumentKind.SitePack, LastMonth, CancellationToken.None));
        Assert.Equal(0, await job.WriteAsync(providerId, DocumentKind.SitePack, LastMonth, CancellationToken.None));

        await using var scope = portal.Services.CreateAsyncScope();
        var documents = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.Where(x => x.ProviderId == providerId).ToListAsync();
        Assert.Equal(3, documents.Count);
        Assert.All(documents, x => Assert.Equal((DocumentStatus.Ready, GovernanceDocument.BySchedule, LastMonth), (x.Status, x.RequestedBy, x.Period)));
    }

    [Fact]
    public async Task ASlotARestartCutShort_IsWrittenAgainInPlace()
    {
        using var portal = new ScheduledPortal(_database);
        portal.CreateClient().Dispose();
        var (providerId, providerName) = await ProviderWithSchedulesAsync(portal);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            db.Documents.Add(new GovernanceDocument(providerId, DocumentKind.BoardPack, LastMonth, DocumentScope.Provider(providerName), "cut short", LastMonth, GovernanceDocument.BySchedule));
            await db.SaveChangesAsync();
        }

        var job = ActivatorUtilities.CreateInstance<ScheduledDocumentsJob>(portal.Services);
        Assert.Equal(1, await job.WriteAsync(providerId, DocumentKind.BoardPack, LastMonth, CancellationToken.None));

        await using var check = portal.Services.CreateAsyncScope();
        var written = await check.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.SingleAsync(x => x.ProviderId == providerId);
        Assert.Equal(DocumentStatus.Ready, written.Status);
    }

    [Fact]
    public async Task ATriggerPersistsAcrossARestart_AndARunMissedWhileDownFiresOnceWhenBack()
    {
        Guid providerId;
        DateTimeOffset nextFire;
        using (var first = new ScheduledPortal(_database))
        {
            first.CreateClient().Dispose();
            (providerId, _) = await ProviderWithSchedulesAsync(first);
            nextFire = await StoredNextFireAsync(providerId, DocumentKind.BoardPack);
        }

        // While the portal is down, the board pack's run comes due.
        await ExecuteAsync($"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {DateTimeOffset.UtcNow.AddHours(-1).UtcTicks} WHERE TRIGGER_NAME = 'documents-board-pack' AND TRIGGER_GROUP = 'provider-{providerId:N}'");

        using var second = new ScheduledPortal(_database);
        second.CreateClient().Dispose();
        await WaitForAsync(second, providerId, DocumentKind.BoardPack, ready: 1);

        Assert.True(nextFire > DateTimeOffset.UtcNow, $"The stored trigger fired next at {nextFire:u}, which is not in the future.");
        Assert.Equal("0 0 6 3 * ?", await StoredCronAsync(providerId, DocumentKind.BoardPack));
        Assert.True(await StoredNextFireAsync(providerId, DocumentKind.BoardPack) > DateTimeOffset.UtcNow, "After the make-up run the trigger should wait for its next slot.");
        await using var scope = second.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.CountAsync(x => x.ProviderId == providerId));
    }

    /// <summary>Where the scheduler runs, a document asked for on a page is a one-off job in Quartz's tables, written and then gone from them.</summary>
    [Fact]
    public async Task ADocumentAskedForOnAPage_IsWrittenThroughQuartz_AndLeavesNoJobBehind()
    {
        using var portal = new ScheduledPortal(_database);
        var world = await TestWorlds.CreateAsync(portal, sites: 1);
        using var ni = await PortalSession.SignInAsync(portal, world.NominatedIndividual);

        var asked = await ni.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "board-pack", ["Period"] = LastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, asked.StatusCode);
        var documentId = Guid.Parse(asked.Headers.Location!.OriginalString.Split('/')[^1]);
        var status = DocumentStatus.Generating;
        for (var attempt = 0; attempt < 120 && status == DocumentStatus.Generating; attempt++)
        {
            await Task.Delay(500);
            await using var scope = portal.Services.CreateAsyncScope();
            status = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.Where(d => d.Id == documentId).Select(d => d.Status).SingleAsync();
        }

        Assert.Equal(DocumentStatus.Ready, status);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = 'documents-asked'"));
    }

    public void Dispose() => TestDatabaseFiles.Delete(_database);

    /// <summary>A provider created after start-up gets its triggers as the schedules page gives them; its board pack is due on the 3rd.</summary>
    private static async Task<(Guid ProviderId, string Name)> ProviderWithSchedulesAsync(PortalFactory portal)
    {
        var world = await TestWorlds.CreateAsync(portal, sites: 2);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var providerId = await db.Providers.Where(p => p.Name == world.ProviderName).Select(p => p.Id).SingleAsync();

        // The board pack on a day of the month, so that a run Quartz fires on any day writes it.
        db.DocumentSchedules.Add(new DocumentSchedule(providerId, DocumentKind.BoardPack, ScheduleTiming.DayOfMonth, 3, new TimeOnly(6, 0)));
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<DocumentScheduler>().SyncAsync(providerId, await DocumentScheduler.SchedulesOfAsync(db, providerId, CancellationToken.None), CancellationToken.None);
        return (providerId, world.ProviderName);
    }

    private static async Task WaitForAsync(PortalFactory portal, Guid providerId, DocumentKind kind, int ready)
    {
        var count = 0;
        for (var attempt = 0; attempt < 120 && count < ready; attempt++)
        {
            await Task.Delay(500);
            await using var scope = portal.Services.CreateAsyncScope();
            count = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents
                .CountAsync(x => x.ProviderId == providerId && x.Kind == kind && x.Status == DocumentStatus.Ready && x.ScheduleSlot != null);
        }

        Assert.True(count == ready, $"{ready} scheduled {kind} should have been written within a minute; {count} were.");
    }

    private Task<string> StoredCronAsync(Guid providerId, DocumentKind kind) =>
        ScalarAsync<string>($"""
            SELECT c.CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS c
            WHERE c.TRIGGER_NAME = 'documents-{DocumentKinds.Slug(kind)}' AND c.TRIGGER_GROUP = 'provider-{providerId:N}'
            """);

    private async Task<DateTimeOffset> StoredNextFireAsync(Guid providerId, DocumentKind kind) =>
        new(await ScalarAsync<long>($"SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'documents-{DocumentKinds.Slug(kind)}' AND TRIGGER_GROUP = 'provider-{providerId:N}'"), TimeSpan.Zero);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("Nothing stored: " + sql));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private sealed class ScheduledPortal(string database) : PortalFactory(database)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" };

        protected override TimeProvider Clock => TimeProvider.System;
    }
}
