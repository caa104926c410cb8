using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Tests.Infrastructure;

/// <summary>
/// The packs' complaints appendix reads the complaints a site received in one month. The day it filters on lives in the
/// record's details, which EF Core cannot index, so the index is made by the migrations by column name: this checks that a
/// migrated database finds a month's complaints through it, rather than testing every complaint the site ever had.
/// </summary>
public class ComplaintsOfAMonthReadTests
{
    [Fact]
    public async Task AMonthsComplaints_AreFoundThroughTheSitesReceivedDayIndex()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync();
        List<Guid> sites = [Guid.NewGuid(), Guid.NewGuid()];
        var (from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

        // The appendix's filter; EXPLAIN plans the statement as prepared, so the parameters need no values.
        var sql = db.Complaints.Where(c => sites.Contains(c.SiteId) && c.Details.ReceivedOn >= from && c.Details.ReceivedOn < to).ToQueryString();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("IX_Complaints_SiteId_ReceivedOn (SiteId=? AND Details_ReceivedOn>? AND Details_ReceivedOn<?)", StringComparison.Ordinal));
    }
}
