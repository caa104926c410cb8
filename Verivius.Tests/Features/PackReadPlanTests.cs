using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Features.Documents.GovernancePacks;

namespace Verivius.Tests.Features;

/// <summary>
/// Two of the packs' reads are bounded by days, and must find their rows through those days' indexes on a migrated database
/// rather than read everything the sites ever kept: the complaints a site received in the pack's month, and the register's
/// events since the last pack. EXPLAIN plans a statement as prepared, so the parameters need no values.
/// </summary>
public class PackReadPlanTests
{
    private static readonly List<Guid> Sites = [Guid.NewGuid(), Guid.NewGuid()];

    /// <summary>The day lives in the record's details, which EF Core cannot index: the migrations make the index by column name.</summary>
    [Fact]
    public async Task AMonthsComplaints_AreFoundThroughTheSitesReceivedDayIndex()
    {
        var plan = await PlanAsync(db => ComplaintsAndLearning.ReceivedIn(db, Sites, new DateOnly(2026, 11, 1)).ToQueryString());

        Assert.Contains(plan, step => step.Contains("IX_Complaints_SiteId_ReceivedOn (SiteId=? AND Details_ReceivedOn>? AND Details_ReceivedOn<?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRegistersEventsSinceTheLastPack_AreFoundByTheirDay_EachCheckedAgainstItsChallengesKey()
    {
        var plan = await PlanAsync(db => ExecutiveSummary.EventsBetween(db, Sites, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 30)).ToQueryString());

        Assert.Contains("USING INDEX IX_ChallengeEvents_On (On>? AND On<?)", plan[0], StringComparison.Ordinal);
        Assert.Contains(plan, step => step.Contains("(Id=?)", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync(Func<VeriviusDbContext, string> statement)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', statement(db).Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
