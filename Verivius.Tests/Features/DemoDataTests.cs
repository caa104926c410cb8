using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

[Trait("Category", TestClock.DateSensitive)]
public class DemoDataTests : IClassFixture<DemoDataTests.DemoFactory>
{
    private readonly DemoFactory _factory;

    public DemoDataTests(DemoFactory factory) => _factory = factory;

    [Fact]
    public async Task TheFirstRun_ImportsTwelveMonthsForEachDemoSite_ThroughTheRealUploadPath()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        var monthsPerSite = await db.Packs.GroupBy(p => p.SiteId).Select(g => g.Count()).ToListAsync();
        var uploaders = await db.PackVersions.Join(db.Packs, v => v.PackId, p => p.Id, (v, p) => new { p.SiteId, v.UploadedBy }).Join(db.Sites, v => v.SiteId, s => s.Id, (v, s) => new { s.Code, v.UploadedBy }).Distinct().ToListAsync();

        Assert.Equal([12, 12, 12, 12, 12, 12], monthsPerSite);
        // Each site's packs come from its registered manager where the demo has one, as they would.
        Assert.Equal(
            ["1-101000001 rm@demo.verivius.test", "1-101000002 rm@demo.verivius.test", "1-101000003 ni@demo.verivius.test", "1-101000004 ni@demo.verivius.test", "1-101000005 ni@demo.verivius.test", "1-101000006 ni@demo.verivius.test"],
            uploaders.Select(u => $"{u.Code} {u.UploadedBy}").Order(StringComparer.Ordinal));
        Assert.True(await db.Incidents.CountAsync() > 200);
    }

    [Fact]
    public async Task EachDemoSite_ShowsItsOwnCharacter()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sites = await db.Sites.ToDictionaryAsync(s => s.Code, s => s.Id);
        Guid beech = sites["1-101000001"], cedar = sites["1-101000002"], elm = sites["1-101000003"], hawthorn = sites["1-101000004"], maple = sites["1-101000005"], riverside = sites["1-101000006"];

        var beechUnsent = await db.Incidents.CountAsync(i => i.SiteId == beech && i.Details.CqcNotifiable && i.Details.NotificationSentOn == null);
        var cedarUnsent = await db.Incidents.CountAsync(i => i.SiteId == cedar && i.Details.CqcNotifiable && i.Details.NotificationSentOn == null);
        var elmClosed = await db.Actions.CountAsync(a => a.SiteId == elm && a.Details.Status == ActionStatus.Closed);
        var elmOpen = await db.Actions.CountAsync(a => a.SiteId == elm && a.Details.Status != ActionStatus.Closed);
        var hawthornMatrixMonths = await db.Training.Where(t => t.SiteId == hawthorn).Select(t => t.Period).Distinct().CountAsync();
        var mapleExpired = await db.Training.CountAsync(t => t.SiteId == maple && t.Details.ExpiresOn < t.Period);
        var riversideCarePlansMissed = await db.Complaints.CountAsync(c => c.SiteId == riverside && c.Details.CarePlanUpdateRequired == true && c.Details.CarePlanUpdatedOn == null);

        Assert.Equal(0, beechUnsent);
        Assert.True(cedarUnsent > 0, "Cedar Lodge should have notifiable incidents never notified.");
        Assert.Equal(0, elmClosed);
        Assert.True(elmOpen >= 10, "Elm Court's actions should pile up.");
        Assert.Equal(4, hawthornMatrixMonths);
        Assert.Equal(0, mapleExpired);
        Assert.True(riversideCarePlansMissed > 0, "Riverside's complaint learning should miss care plans.");
    }

    [Fact]
    public async Task TheChallengeEngine_RaisesWhatEachSitesCharacterShould_AndNothingOfItsOwnAtTheExemplarySite()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var open = (await db.Challenges.Where(c => c.Status == ChallengeStatus.Open)
                .Join(db.Sites, c => c.SiteId, s => s.Id, (c, s) => new { s.Name, c.Code })
                .ToListAsync())
            .GroupBy(c => c.Name)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Code).ToHashSet());

        // The exemplary home raises nothing; staffing, open at three homes, is systemic at each of them and only there.
        Assert.False(open.ContainsKey("Beech House"), open.TryGetValue("Beech House", out var beech) ? string.Join(", ", beech) : "");
        Assert.Equal(
            ["Cedar Lodge", "Hawthorn View", "Riverside Home Care"],
            open.Where(s => s.Value.Contains(ChallengeCodes.ProvSystemicRisk)).Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string> { ChallengeCodes.IncNotificationMissing, ChallengeCodes.IncCandourLate, ChallengeCodes.AssurNoEvidence, ChallengeCodes.AssurContradicted }, open["Cedar Lodge"]);
        Assert.Superset(new HashSet<string> { ChallengeCodes.ActNoClosures, ChallengeCodes.TrailMinutesThin }, open["Elm Court"]);
        Assert.Superset(new HashSet<string> { ChallengeCodes.TrailMeetingGap, ChallengeCodes.TrnMatrixStale, ChallengeCodes.InsightOverconfident }, open["Hawthorn View"]);
        Assert.Superset(new HashSet<string> { ChallengeCodes.AudHeadlineMasksTheme, ChallengeCodes.TrnMatrixTooClean }, open["Maple Grange"]);
        Assert.Superset(new HashSet<string> { ChallengeCodes.CmpLearningNotInCarePlan }, open["Riverside Home Care"]);
        Assert.False(await db.Challenges.AnyAsync(c => c.Status == ChallengeStatus.Closed), "The demo runs the engine once, after all its months, so nothing should have opened and cleared.");
    }

    public sealed class DemoFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12" };
    }
}
