using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Tests.Infrastructure;

/// <summary>Sites already in a database when the reporting month arrived owe what they owed before: from their first pack, or from when they were added.</summary>
public class SiteReportingFromMigrationTests
{
    [Fact]
    public async Task ASiteWithPacks_ReportsFromItsFirstPack_AndOneWithout_FromTheMonthItWasAdded()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("SiteCqcRating");
        var addedOn = new DateTimeOffset(2025, 3, 31, 23, 30, 0, TimeSpan.Zero).UtcTicks;
        await ExecuteAsync(connection, $"""
            INSERT INTO "Providers" VALUES ('11111111-1111-1111-1111-111111111111', 'Oak Care', {addedOn}, 'test', {addedOn}, 'test');
            INSERT INTO "Sites" ("Id", "ProviderId", "Code", "Name", "ServiceType", "IsActive", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            VALUES ('22222222-2222-2222-2222-222222222222', '11111111-1111-1111-1111-111111111111', '1-101000001', 'Sends packs', 'CareHome', 1, {addedOn}, 'test', {addedOn}, 'test'),
                   ('33333333-3333-3333-3333-333333333333', '11111111-1111-1111-1111-111111111111', '1-101000002', 'Never sent one', 'CareHome', 1, {addedOn}, 'test', {addedOn}, 'test');
            INSERT INTO "Packs" VALUES ('44444444-4444-4444-4444-444444444444', '22222222-2222-2222-2222-222222222222', '2025-09-01', {addedOn}, 'test', {addedOn}, 'test'),
                                       ('55555555-5555-5555-5555-555555555555', '22222222-2222-2222-2222-222222222222', '2025-07-01', {addedOn}, 'test', {addedOn}, 'test');
            """);

        await migrator.MigrateAsync();

        var reportingFrom = await db.Sites.OrderBy(s => s.Code).Select(s => s.ReportingFrom).ToListAsync();
        Assert.Equal([new DateOnly(2025, 7, 1), new DateOnly(2025, 3, 1)], reportingFrom);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
