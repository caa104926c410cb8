using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Features;

/// <summary>
/// The training matrix and the supervision list come whole each month, and the rules read a site's newest month by the
/// day judged. What the engine reads of them must be that month's rows, all of them, and the months dated within the days
/// it looks ahead, for which a later day's newest month is one of those: no older month, and nothing of a month not yet due.
/// </summary>
public class MonthlySnapshotReadTests
{
    [Fact]
    public async Task EachSitesNewestMonthByTheDay_IsReadWhole_WithTheMonthsDatedWithinTheDaysLookedAhead()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        await TestWorlds.GenerateSitesAsync(factory, 2, 3, 13);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sites = await db.Sites.Select(s => s.Id).ToListAsync();
        var months = await db.Training.Select(t => t.Period).Distinct().OrderBy(p => p).ToListAsync();
        Assert.True(months.Count >= 2, $"The generated sites have {months.Count} training month(s); the test needs two.");
        var (first, newest) = (months[0], months[^1]);
        var monthBefore = months[^2];

        await ExpectMonthsAsync(newest, through: null, [newest]);
        await ExpectMonthsAsync(newest.AddDays(-1), through: null, [monthBefore]);
        await ExpectMonthsAsync(newest.AddDays(-1), through: newest.AddDays(-1 + ChallengeCalendar.DaysLookedAhead), [monthBefore, newest]);
        await ExpectMonthsAsync(first.AddDays(-1), through: null, []);
        await ExpectMonthsAsync(first.AddDays(-1), through: first.AddDays(-1 + ChallengeCalendar.DaysLookedAhead), [first]);

        async Task ExpectMonthsAsync(DateOnly asOf, DateOnly? through, DateOnly[] expected)
        {
            var read = await SiteEvidenceLoader.LoadAsync(db, sites, asOf, CancellationToken.None, through);
            foreach (var site in sites)
            {
                var training = read[site].Training;
                var supervision = read[site].Supervision;
                Assert.Equal(expected, training.Select(t => t.Period).Distinct().Order());
                Assert.Equal(expected, supervision.Select(s => s.Period).Distinct().Order());
                Assert.Equal(await db.Training.CountAsync(t => t.SiteId == site && expected.Contains(t.Period)), training.Count);
                Assert.Equal(await db.Supervision.CountAsync(s => s.SiteId == site && expected.Contains(s.Period)), supervision.Count);
            }
        }
    }
}
