using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Verivius.Domain.Challenges;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Hosting;
using Verivius.Web.Mail;

namespace Verivius.Tests.Features;

/// <summary>
/// Reminders and digests on the provider's mail schedule, each sent once whatever asks for it again,
/// following each person's choices; the unsubscribe link in a digest turns its kind off without a
/// sign-in; an answer to a challenge reaches the nominated individual as it happens. Messages arrive
/// at a real SMTP server through the outbox's delivery job.
/// </summary>
public partial class MailReminderTests : IClassFixture<MailTests.MailPortal>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly MailTests.MailPortal _factory;

    public MailReminderTests(MailTests.MailPortal factory) => _factory = factory;

    [Fact]
    public async Task PackReminders_GoOnceToTheSitesManager_AtTheirTimeOnTheDueAndMissingDays_AndNotForAMonthWithItsPack()
    {
        var month = TestClock.LastMonth;
        var world = await TestWorlds.CreateAsync(_factory, sites: 2, reportingFrom: month.AddMonths(-1));
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, world.SiteCodes[0], new PackWorkbook(world.SiteCodes[0], month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)).Build());
        var deadline = month.AddMonths(1).AddDays(-1).AddDays(10);

        // The day the pack is due in 3 days: nothing before 09:00, one reminder after, however often asked.
        Assert.Equal(0, await RemindAsync(deadline.AddDays(-3), 8, 59, world, MailKinds.PackDue));
        Assert.Equal(1, await RemindAsync(deadline.AddDays(-3), 9, 30, world, MailKinds.PackDue));
        Assert.Equal(1, await RemindAsync(deadline.AddDays(-3), 14, 0, world, MailKinds.PackDue));

        // The month before has its pack: its due day sends nothing.
        Assert.Equal(1, await RemindAsync(month.AddDays(-1).AddDays(10 - 3), 9, 30, world, MailKinds.PackDue));

        Assert.Equal(0, await RemindAsync(deadline, 9, 30, world, MailKinds.PackMissing));
        Assert.Equal(1, await RemindAsync(deadline.AddDays(1), 9, 30, world, MailKinds.PackMissing));
        Assert.Equal(1, await RemindAsync(deadline.AddDays(1), 9, 45, world, MailKinds.PackMissing));

        // On a digest day the manager also gets the challenges digest: wait for everything the outbox holds for them.
        var received = await _factory.Smtp.ToAsync(world.RegisteredManager, await OutboxCountAsync(m => m.Recipient == world.RegisteredManager));
        var monthName = month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var due = Assert.Single(received, m => (m.Subject ?? "").Contains("is due", StringComparison.Ordinal));
        Assert.Equal($"{world.SiteName(0)}: the {monthName} pack is due by {deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", due.Subject);
        Assert.Contains("in 3 days", due.TextBody, StringComparison.Ordinal);
        var missing = Assert.Single(received, m => (m.Subject ?? "").Contains("is missing", StringComparison.Ordinal));
        Assert.Contains("PROV-PACK-MISSING", missing.TextBody, StringComparison.Ordinal);

        // Only the site's own registered manager: nobody else of the provider is reminded.
        Assert.Equal(2, await OutboxCountAsync(m => m.Recipient.EndsWith($"-{world.Tag}@test.example") && (m.Kind == MailKinds.PackDue || m.Kind == MailKinds.PackMissing)));
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var (status, page) = await manager.GetAsync(LinkIn(due, "/sites/").PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(world.SiteName(0), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digests_FollowEachPersonsChoices_AndADigestsUnsubscribeLinkTurnsItOffWithoutSigningIn()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        var mine = world.SiteCodes[0];
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, mine, new PackWorkbook(mine).Build());
        using (var raiser = await PortalSession.SignInAsync(_factory, world.NominatedIndividual))
        {
            using var raised = await raiser.SubmitAsync($"/sites/{mine}/challenges/new?subject=Incidents:INC-1", $"/sites/{mine}/challenges/new", new()
            {
                ["Subject"] = "Incidents:INC-1",
                ["Severity"] = "High",
                ["Finding"] = "The incident has no review.",
                ["Resolution"] = "Review it and record what was learned.",
            });
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        }

        var (open, high) = await ScalarAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Code == world.SiteCodes[0]);
            return (await db.Challenges.CountAsync(c => c.SiteId == site.Id && c.Status == ChallengeStatus.Open),
                await db.Challenges.CountAsync(c => c.SiteId == site.Id && c.Severity == ChallengeSeverity.High));
        });
        Assert.True(open > 0 && high > 0, "The default pack should raise open and High challenges to digest.");

        // The provider's weekly digest day is today, at 00:00: both digests are due now.
        var now = TimeZoneInfo.ConvertTime(TestClock.Instance.GetUtcNow(), London);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var saved = await admin.SubmitAsync("/admin/mail-schedule", "/admin/mail-schedule", new()
        {
            ["PackDueDaysBefore"] = "3",
            ["RemindAt"] = "09:00",
            ["DigestDay"] = now.DayOfWeek.ToString(),
            ["DigestAt"] = "00:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, schedulePage) = await admin.GetAsync("/admin/mail-schedule");
        Assert.Contains($"Challenges waiting for a site&#x27;s answer: every {now.DayOfWeek} at 00:00", schedulePage, StringComparison.Ordinal);
        using var refused = await admin.SubmitAsync("/admin/mail-schedule", "/admin/mail-schedule", new()
        {
            ["PackDueDaysBefore"] = "30",
            ["RemindAt"] = "9 o'clock",
            ["DigestDay"] = "Someday",
            ["DigestAt"] = "08:00",
        });
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Give a whole number of days from 1 to 14, not \"30\".", refusal, StringComparison.Ordinal);
        Assert.Contains("Give a time of day as HH:MM, such as 09:00, not \"9 o'clock\".", refusal, StringComparison.Ordinal);
        Assert.Contains("\"Someday\" is not a day of the week.", refusal, StringComparison.Ordinal);

        await RemindAsync(TestClock.Instance.GetUtcNow());
        await RemindAsync(TestClock.Instance.GetUtcNow());
        var waiting = Assert.Single(await _factory.Smtp.ToAsync(world.RegisteredManager, 1, ChallengesWaiting));
        Assert.Contains($"{world.SiteName(0)} ({world.SiteCodes[0]}): {open} challenge", waiting.TextBody, StringComparison.Ordinal);
        var highDigest = Assert.Single(await _factory.Smtp.ToAsync(world.NominatedIndividual, 1));
        Assert.StartsWith($"{high} new High challenge", highDigest.Subject ?? "", StringComparison.Ordinal);
        Assert.NotNull(highDigest.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", highDigest.Headers["List-Unsubscribe-Post"]);

        // The nominated individual follows the digest's link: a page asks, one click (as a mail client would post it, with no form token) turns it off.
        var unsubscribe = LinkIn(highDigest, "/mail/unsubscribe");
        using var anyone = PortalSession.Anonymous(_factory);
        var (asked, question) = await anyone.GetAsync(unsubscribe.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, asked);
        Assert.Contains("Stop these e-mails?", question, StringComparison.Ordinal);
        using var clicked = await anyone.PostAsync(unsubscribe.PathAndQuery, []);
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.Contains("will no longer get", await clicked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (tampered, _) = await anyone.GetAsync(unsubscribe.PathAndQuery[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.NotFound, tampered);

        // The manager chooses a daily digest on their e-mail page; an urgent kind is not theirs to turn off.
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var (_, preferences) = await manager.GetAsync("/account/mail");
        Assert.Contains("Monthly pack due soon", preferences, StringComparison.Ordinal);
        Assert.DoesNotContain("Answers waiting for your decision", preferences, StringComparison.Ordinal);
        using var daily = await manager.SubmitAsync("/account/mail", "/account/mail", new() { ["wanted"] = MailKinds.PackDue, ["challengesDigest"] = "Daily", ["highChallengesDigest"] = "Daily" });
        Assert.Equal(HttpStatusCode.Redirect, daily.StatusCode);
        using var urgent = await manager.SubmitAsync("/account/mail", "/account/mail", new() { ["wanted"] = MailKinds.PasswordReset, ["challengesDigest"] = "Daily", ["highChallengesDigest"] = "Daily" });
        Assert.Contains("is not a kind of message you can choose", WebUtility.HtmlDecode(await urgent.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Tomorrow is not the weekly day, but the manager now gets the digest daily; the nominated individual gets none.
        await RemindAsync(TestClock.Instance.GetUtcNow().AddDays(1).AddMinutes(-5));
        Assert.Equal(2, (await _factory.Smtp.ToAsync(world.RegisteredManager, 2, ChallengesWaiting)).Count);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await _factory.Smtp.ToAsync(world.NominatedIndividual, 1));
        Assert.Equal(0, await OutboxCountAsync(m => m.Recipient == world.NominatedIndividual && m.Kind == MailKinds.NewHighChallenges && m.OnceKey!.EndsWith(DayOf(TestClock.Instance.GetUtcNow().AddDays(1).AddMinutes(-5)))));

        using var never = await manager.SubmitAsync("/account/mail", "/account/mail", new() { ["challengesDigest"] = "Never", ["highChallengesDigest"] = "Daily" });
        await RemindAsync(TestClock.Instance.GetUtcNow().AddDays(2).AddMinutes(-5));
        Assert.Equal(0, await OutboxCountAsync(m => m.Recipient == world.RegisteredManager && m.OnceKey!.EndsWith(DayOf(TestClock.Instance.GetUtcNow().AddDays(2).AddMinutes(-5)))));
        Assert.Equal(0, await OutboxCountAsync(m => m.Recipient == world.RegisteredManager && m.Kind == MailKinds.PackMissing));
    }

    [Fact]
    public async Task ASitesAnswer_ReachesTheNominatedIndividualAsItHappens_AndAnEscalationTheSitesManager()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var challengeId = await ScalarAsync(db => db.Challenges.Where(c => c.Status == ChallengeStatus.Open && db.Sites.Any(s => s.Id == c.SiteId && s.Code == site)).Select(c => c.Id).FirstAsync());
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var page = $"/sites/{site}/challenges/{challengeId}";

        using var answered = await manager.SubmitAsync(page, page + "/respond", new() { ["answer"] = "We have put this right this week." });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var told = Assert.Single(await _factory.Smtp.ToAsync(world.NominatedIndividual, 1));
        Assert.Equal($"{world.SiteName(0)}: an answer waits for your decision", told.Subject);
        Assert.Empty(await _factory.Smtp.ToAsync(world.RegisteredManager, 0));
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var (status, shown) = await ni.GetAsync(LinkIn(told, page).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We have put this right this week.", shown, StringComparison.Ordinal);

        // Escalated to the board: the site's manager hears of it; the note, typed freely, is not sent.
        using var escalated = await ni.SubmitAsync(page, page + "/escalate", new() { ["Note"] = "Not convinced: the board should see this." });
        Assert.Equal(HttpStatusCode.Redirect, escalated.StatusCode);
        var escalation = Assert.Single(await _factory.Smtp.ToAsync(world.RegisteredManager, 1));
        Assert.Equal($"{world.SiteName(0)}: a challenge is escalated to the board", escalation.Subject);
        Assert.DoesNotContain("Not convinced", escalation.TextBody, StringComparison.Ordinal);
        Assert.Single(await _factory.Smtp.ToAsync(world.NominatedIndividual, 1));
    }

    /// <summary>Runs the reminders as at a local day and time, then counts the world's messages of a kind.</summary>
    private async Task<int> RemindAsync(DateOnly day, int hour, int minute, ProviderWorld world, string kind)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        await RemindAsync(new DateTimeOffset(local, London.GetUtcOffset(local)));
        return await OutboxCountAsync(m => m.Recipient == world.RegisteredManager && m.Kind == kind);
    }

    private async Task RemindAsync(DateTimeOffset at)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reminders = new MailReminders(services.GetRequiredService<VeriviusDbContext>(), services.GetRequiredService<MailComposer>(), services.GetRequiredService<SchedulingOptions>(), new ManualClock(at));
        await reminders.SendDueAsync(CancellationToken.None);
    }

    /// <summary>
    /// The challenges digest, told from what else the manager may get the same day: the October pack makes
    /// the site owe every month since, so on a pack reminder day (three days before a deadline, or the day
    /// after it) a pack reminder goes to the manager as well, and may arrive first.
    /// </summary>
    private static bool ChallengesWaiting(MimeMessage message) => (message.Subject ?? "").Contains("wait for your", StringComparison.Ordinal);

    private static string DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, London).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> OutboxCountAsync(System.Linq.Expressions.Expression<Func<OutboundMail, bool>> which) => ScalarAsync(db => db.Outbox.CountAsync(which));

    private static Uri LinkIn(MimeMessage message, string path) =>
        new(Regex.Match(message.TextBody ?? "", $@"https://localhost{Regex.Escape(path)}\S*") is { Success: true } found ? found.Value : throw new InvalidOperationException($"No link to {path} in:\n{message.TextBody}"));

    private async Task<T> ScalarAsync<T>(Func<VeriviusDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>());
    }
}
