using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.History;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Admin.History;
using Verivius.Web.Security;

namespace Verivius.Tests.Features;

/// <summary>Each test owns its database: one of them tampers with the log on purpose.</summary>
public sealed class ChangeLogTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public ChangeLogTests() => _factory.CreateClient().Dispose();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryChange_IsLoggedWithWhoWhenAndBeforeAndAfter()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = AsUser("admin@test.example");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var site = await db.Sites.SingleAsync(s => s.Code == world.SiteCodes[0]);

        site.Describe("Renamed House", ServiceType.NursingHome, "A. Manager");
        await db.SaveChangesAsync();
        var entry = await db.ChangeLog.Where(e => e.Entity == "Sites").OrderByDescending(e => e.Sequence).FirstAsync();

        Assert.Equal(ChangeOperation.Update, entry.Operation);
        Assert.Equal("admin@test.example", entry.Actor);
        Assert.Contains($"\"Name\":\"{world.SiteName(0)}\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Renamed House\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"ServiceType\":\"NursingHome\"", entry.After, StringComparison.Ordinal);
        Assert.Equal("admin@test.example", site.UpdatedBy);
    }

    [Fact]
    public async Task AFailedSave_LeavesNoLogEntry()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = AsUser("admin@test.example");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var before = await db.ChangeLog.CountAsync();
        var providerId = await db.Sites.Where(s => s.Code == world.SiteCodes[0]).Select(s => s.ProviderId).SingleAsync();

        // The second site breaks the unique code, so the whole save (sites and log entries) rolls back.
        db.Sites.Add(new Site(providerId, TestWorlds.NewSiteCode(), "Fine site", ServiceType.CareHome, TestClock.Today));
        db.Sites.Add(new Site(providerId, world.SiteCodes[0], "Duplicate code", ServiceType.CareHome, TestClock.Today));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        Assert.Equal(before, await db.ChangeLog.CountAsync());
        Assert.False(await db.Sites.AnyAsync(s => s.Name == "Fine site"));
    }

    [Fact]
    public async Task AFailedSaveInATransactionThatCarriesOn_LeavesNoLogEntry_AndTheChainStillHolds()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = AsUser("admin@test.example");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var before = await db.ChangeLog.CountAsync();
        var providerId = await db.Sites.Where(s => s.Code == world.SiteCodes[0]).Select(s => s.ProviderId).SingleAsync();

        // The entries are written before the records; the failed save's must go with it though the transaction goes on.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Sites.Add(new Site(providerId, TestWorlds.NewSiteCode(), "Lost site", ServiceType.CareHome, TestClock.Today));
            db.Sites.Add(new Site(providerId, world.SiteCodes[0], "Duplicate code", ServiceType.CareHome, TestClock.Today));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Sites.Add(new Site(providerId, TestWorlds.NewSiteCode(), "Kept site", ServiceType.CareHome, TestClock.Today));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var added = await db.ChangeLog.Where(e => e.Sequence > before).ToListAsync();
        Assert.Equal(["Sites"], added.Select(e => e.Entity).Distinct());
        Assert.Single(added, e => e.After!.Contains("\"Name\":\"Kept site\"", StringComparison.Ordinal));
        Assert.DoesNotContain(added, e => e.After!.Contains("Lost site", StringComparison.Ordinal) || e.After.Contains("Duplicate code", StringComparison.Ordinal));
        Assert.Null((await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyHistoryQuery())).Break);
    }

    [Fact]
    public async Task PasswordHashes_NeverReachTheLog()
    {
        await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        var userEntries = await db.ChangeLog.Where(e => e.Entity == "AspNetUsers").Select(e => e.After).ToListAsync();

        Assert.NotEmpty(userEntries);
        Assert.All(userEntries, after => Assert.DoesNotContain("PasswordHash", after, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDatabase_RefusesToChangeOrDeleteAnEntry()
    {
        await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE ChangeLog SET Actor = 'someone else'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM ChangeLog"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryChangedBehindTheTriggersBack_IsNamedByTheCheck()
    {
        await TestWorlds.CreateAsync(_factory, sites: 2);
        await using var scope = AsUser("operator");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Assert.Null((await mediator.Send(new VerifyHistoryQuery())).Break);

        // Someone with the database's own rights drops the trigger and edits entry 3.
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER ChangeLog_NoUpdate");
        await db.Database.ExecuteSqlRawAsync("UPDATE ChangeLog SET Actor = 'someone else' WHERE Sequence = 3");
        var check = await mediator.Send(new VerifyHistoryQuery());

        Assert.Equal(3, check.Break!.Sequence);
        Assert.True(check.EntryCount >= 3);
    }

    private AsyncServiceScope AsUser(string name)
    {
        var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator(name);
        return scope;
    }
}
