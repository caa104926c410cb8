using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Mail;
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

    /// <summary>
    /// Every reminder and digest of the demo's weeks from last month's deadline to the next, and a
    /// site's answer to a challenge, put in the outbox: none names a member of staff, a person who uses
    /// a service, or a record, checked against every such reference the demo's records hold.
    /// </summary>
    [Fact]
    public async Task NoMessageOfTheDemosMonths_NamesAMemberOfStaffOrAPersonOrARecord()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var first = TestClock.LastMonth.AddMonths(1).AddDays(1);
        var last = TestClock.LastMonth.AddMonths(2).AddDays(-1).AddDays(ChallengeThresholds.Defaults.PackMissingDays + 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var evening = day.ToDateTime(new TimeOnly(23, 0));
            await using var scope = _factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await new Verivius.Web.Mail.MailReminders(
                services.GetRequiredService<VeriviusDbContext>(), services.GetRequiredService<Verivius.Web.Mail.MailComposer>(), services.GetRequiredService<Verivius.Web.Hosting.SchedulingOptions>(),
                new ManualClock(new DateTimeOffset(evening, london.GetUtcOffset(evening)))).SendDueAsync(CancellationToken.None);
        }

        await using var check = _factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var manager = await db.Users.SingleAsync(u => u.Email == "rm@demo.verivius.test");
        var (siteCode, challengeId) = (await db.Challenges.Where(c => c.Status == ChallengeStatus.Open && db.SiteAssignments.Any(a => a.UserId == manager.Id && a.SiteId == c.SiteId))
            .Join(db.Sites, c => c.SiteId, s => s.Id, (c, s) => new { s.Code, c.Id }).FirstAsync()) is var found ? (found.Code, found.Id) : default;
        using (var session = await PortalSession.SignInAsync(_factory, manager.Email!, "verivius-demo-password"))
        {
            var page = $"/sites/{siteCode}/challenges/{challengeId}";
            using var answered = await session.SubmitAsync(page, page + "/respond", new() { ["answer"] = "Reviewed with the team this week; the records now show it." });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, answered.StatusCode);
        }

        var messages = await db.Outbox.AsNoTracking().ToListAsync();
        var kinds = messages.Select(m => m.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { MailKinds.PackDue, MailKinds.PackMissing, MailKinds.ChallengesWaiting, MailKinds.NewHighChallenges, MailKinds.AnswerWaiting }, kinds);

        var references = new HashSet<string>(StringComparer.Ordinal);
        references.UnionWith(await db.Training.Select(t => t.Details.StaffRef).ToListAsync());
        references.UnionWith(await db.Supervision.Select(t => t.Details.StaffRef).ToListAsync());
        references.UnionWith(await db.Incidents.Select(i => i.Ref).ToListAsync());
        references.UnionWith(await db.Complaints.Select(c => c.Ref).ToListAsync());
        references.UnionWith(await db.Actions.Select(a => a.Ref).ToListAsync());
        references.UnionWith((await db.Actions.Select(a => a.Details.Owner).ToListAsync()).OfType<string>());
        references.UnionWith((await db.Decisions.Select(d => d.Details.Owner).ToListAsync()).OfType<string>());
        Assert.True(references.Count > 50, $"The demo should hold staff and record references to look for, not {references.Count}.");

        var named = messages
            .SelectMany(m => references.Where(reference => Regex.IsMatch(m.Subject + "\n" + m.TextBody + "\n" + m.HtmlBody, $@"(?<![\w-]){Regex.Escape(reference)}(?![\w-])")).Select(reference => $"{reference} in {m.Kind} \"{m.Subject}\""))
            .ToList();
        Assert.True(named.Count == 0, $"{messages.Count} messages; these name a person or record: " + string.Join("; ", named.Take(10)));
    }

    public sealed class DemoFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12" };
    }
}
