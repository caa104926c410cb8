using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Quartz;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Mail;

namespace Verivius.Tests.Features;

/// <summary>
/// What the portal sends reaches a real SMTP server running in the test, through the outbox and the
/// Quartz delivery job: once, as HTML with a plain-text alternative, with a link that opens the page in
/// the portal; a server that refuses is tried again later with its error kept.
/// </summary>
public class MailTests : IClassFixture<MailTests.MailPortal>
{
    private static readonly string LastMonth = TestClock.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private readonly MailPortal _factory;

    public MailTests(MailPortal factory) => _factory = factory;

    [Fact]
    public async Task APublishedUpdate_ReachesItsCommissionerOnce_WithBothBodies_ItsLinkOpensIt_AndAWithdrawalFollows()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        foreach (var site in world.SiteCodes)
        {
            await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, site, new PackWorkbook(site).Build());
        }

        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);
        var commissionerId = await ScalarAsync(db => db.Users.Where(u => u.Email == world.Commissioner).Select(u => u.Id).SingleAsync());
        var asked = await ni.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "commissioner-update", ["Period"] = LastMonth, ["Commissioner"] = commissionerId });
        var id = Guid.Parse(asked.Headers.Location!.OriginalString.Split('/')[^1]);
        await WaitAsync(() => ScalarAsync(db => db.Documents.AnyAsync(d => d.Id == id && d.Status == DocumentStatus.Ready)));
        Assert.Empty(await _factory.Smtp.ToAsync(world.Commissioner, 0));

        // The draft waits for the nominated individual, who is told so, with the link to review it.
        var waiting = Assert.Single(await _factory.Smtp.ToAsync(world.NominatedIndividual, 1));
        Assert.StartsWith($"Draft commissioner recovery update for {TestClock.LastMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} waits for your review", waiting.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/documents/{id}", waiting.TextBody, StringComparison.Ordinal);

        var approved = await ni.SubmitAsync($"/documents/{id}", $"/documents/{id}/approve", new() { ["Commentary"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var published = Assert.Single(await _factory.Smtp.ToAsync(world.Commissioner, 1));

        var month = TestClock.LastMonth.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Equal($"Recovery update for {month} from {world.ProviderName}", published.Subject);
        var link = $"https://localhost/documents/{id}";
        Assert.Contains(link, published.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", published.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("the services it runs for you", published.TextBody, StringComparison.Ordinal);
        var (status, page) = await commissioner.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Download the Word document", page, StringComparison.Ordinal);

        // Sent once: further runs of the delivery job find nothing more to send.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await _factory.Smtp.ToAsync(world.Commissioner, 1));
        var kept = await ScalarAsync(db => db.Outbox.SingleAsync(m => m.Recipient == world.Commissioner));
        Assert.Equal((MailStatus.Sent, 1, MailKinds.UpdatePublished), (kept.Status, kept.Attempts, kept.Kind));
        using (var admin = await PortalSession.SignInAsync(_factory, world.Admin))
        {
            var (_, outbox) = await admin.GetAsync("/admin/outbox");
            Assert.Contains($"<td>{world.Commissioner}</td>", outbox, StringComparison.Ordinal);
            Assert.Contains("Recovery update published", outbox, StringComparison.Ordinal);
            Assert.Contains($"<td>{kept.QueuedAt.ToBritishTime()}</td>", outbox, StringComparison.Ordinal);
        }

        var withdrawn = await ni.SubmitAsync($"/documents/{id}", $"/documents/{id}/withdraw", new() { ["Reason"] = "The incident figures for one home were counted twice." });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var notices = await _factory.Smtp.ToAsync(world.Commissioner, 2);
        Assert.Equal(2, notices.Count);
        Assert.StartsWith($"Recovery update for {month} withdrawn", notices[1].Subject, StringComparison.Ordinal);
        Assert.Contains("Their reason: The incident figures for one home were counted twice.", notices[1].TextBody, StringComparison.Ordinal);

        // No message names a member of staff, a person who uses a service or a record: the references the sites' packs hold appear in none.
        var references = await ScalarAsync(async db =>
        {
            var siteIds = await db.Sites.Where(x => world.SiteCodes.Contains(x.Code)).Select(x => x.Id).ToListAsync();
            var found = new HashSet<string>(StringComparer.Ordinal);
            found.UnionWith(await db.Training.Where(t => siteIds.Contains(t.SiteId)).Select(t => t.Details.StaffRef).ToListAsync());
            found.UnionWith(await db.Incidents.Where(i => siteIds.Contains(i.SiteId)).Select(i => i.Ref).ToListAsync());
            found.UnionWith(await db.Complaints.Where(c => siteIds.Contains(c.SiteId)).Select(c => c.Ref).ToListAsync());
            found.UnionWith(await db.Actions.Where(a => siteIds.Contains(a.SiteId)).Select(a => a.Ref).ToListAsync());
            found.UnionWith((await db.Actions.Where(a => siteIds.Contains(a.SiteId)).Select(a => a.Details.Owner).ToListAsync()).OfType<string>());
            return found;
        });
        var sent = string.Join("\n", (await _factory.Smtp.ToAsync(world.NominatedIndividual, 1)).Concat(notices).SelectMany(m => new[] { m.Subject, m.TextBody ?? "", m.HtmlBody ?? "" }));
        Assert.True(references.Count >= 4, "The packs should give staff and record references to look for.");
        var named = references.Where(reference => sent.Contains(reference, StringComparison.Ordinal)).ToList();
        Assert.True(named.Count == 0, "The messages name: " + string.Join(", ", named));
    }

    /// <summary>A provider that chooses to attach its updates: the commissioner's message carries the published Word file.</summary>
    [Fact]
    public async Task AProviderThatAttachesUpdates_SendsThePublishedWordFileWithTheMessage()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, world.SiteCodes[0], new PackWorkbook(world.SiteCodes[0]).Build());
        using (var admin = await PortalSession.SignInAsync(_factory, world.Admin))
        {
            using var saved = await admin.SubmitAsync("/admin/mail-schedule", "/admin/mail-schedule", new()
            {
                ["PackDueDaysBefore"] = "3",
                ["RemindAt"] = "09:00",
                ["DigestDay"] = "Monday",
                ["DigestAt"] = "08:00",
                ["AttachUpdates"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var commissionerId = await ScalarAsync(db => db.Users.Where(u => u.Email == world.Commissioner).Select(u => u.Id).SingleAsync());
        var asked = await ni.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "commissioner-update", ["Period"] = LastMonth, ["Commissioner"] = commissionerId });
        var id = Guid.Parse(asked.Headers.Location!.OriginalString.Split('/')[^1]);
        await WaitAsync(() => ScalarAsync(db => db.Documents.AnyAsync(d => d.Id == id && d.Status == DocumentStatus.Ready)));
        using var approved = await ni.SubmitAsync($"/documents/{id}", $"/documents/{id}/approve", new() { ["Commentary"] = "" });

        var published = Assert.Single(await _factory.Smtp.ToAsync(world.Commissioner, 1));
        var attached = Assert.Single(published.Attachments.OfType<MimePart>());
        Assert.EndsWith(".docx", attached.FileName, StringComparison.Ordinal);
        using var content = new MemoryStream();
        await attached.Content!.DecodeToAsync(content);
        content.Position = 0;
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(content, false);
        Assert.Contains(world.SiteName(0), WordText.Of(word.MainDocumentPart!.Document!), StringComparison.Ordinal);
    }

    /// <summary>
    /// A server that refuses the connection: the message waits a minute and is tried again, its error
    /// kept; one left Sending by an instance that stopped is marked Unknown and not sent again.
    /// </summary>
    [Fact]
    public async Task AServerThatRefuses_IsTriedAgainAfterAWait_WithItsError_AndOneCutShortMidSend_IsNotSentAgain()
    {
        using var quiet = new PortalFactory();
        quiet.CreateClient().Dispose();
        var now = TestClock.Instance.GetUtcNow();
        await using var scope = quiet.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var provider = new Verivius.Domain.Providers.Provider("Refused Care");
        db.Providers.Add(provider);
        var refused = new OutboundMail(provider.Id, MailKinds.UpdatePublished, "someone@test.example", "A subject", "<p>Hello</p>", "Hello", now);
        var cutShort = new OutboundMail(provider.Id, MailKinds.UpdatePublished, "other@test.example", "Another", "<p>Hello</p>", "Hello", now);
        db.Outbox.AddRange(refused, cutShort);
        await db.SaveChangesAsync();
        await db.Outbox.Where(m => m.Id == cutShort.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MailStatus.Sending).SetProperty(m => m.UpdatedAt, now - TimeSpan.FromHours(1)));

        // A port a server listened on a moment ago and no longer does: the connection is refused.
        int port;
        using (var stopped = new SmtpCatcher())
        {
            port = stopped.Port;
        }

        var sender = new MailSender(new MailOptions(MailDelivery.Smtp, Path.GetTempPath(), "Verivius <no-reply@verivius.invalid>", new Uri("https://localhost"), "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None, null, null));
        var sent = await new MailDeliverer(db, sender, scope.ServiceProvider.GetRequiredService<Verivius.Infrastructure.Files.FileStore>(), TestClock.Instance, NullLogger<MailDeliverer>.Instance).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(0, sent);
        db.ChangeTracker.Clear();
        var tried = await db.Outbox.SingleAsync(m => m.Id == refused.Id);
        Assert.Equal((MailStatus.Waiting, 1), (tried.Status, tried.Attempts));
        Assert.InRange(tried.NextAttemptAt, now + TimeSpan.FromMinutes(1), TestClock.Instance.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.False(string.IsNullOrWhiteSpace(tried.LastError));
        var unknown = await db.Outbox.SingleAsync(m => m.Id == cutShort.Id);
        Assert.Equal((MailStatus.Unknown, 0), (unknown.Status, unknown.Attempts));
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 120 && !await done(); attempt++)
        {
            await Task.Delay(250);
        }
    }

    private async Task<T> ScalarAsync<T>(Func<VeriviusDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>());
    }

    public sealed class MailPortal : PortalFactory
    {
        public SmtpCatcher Smtp { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:PortalUrl"] = "https://localhost",
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:MailEverySeconds"] = "1",

            // Reminders are run by the tests at the moments they choose, not by the clock during other tests.
            ["Scheduling:RemindersEverySeconds"] = "86400",
        };

        /// <summary>
        /// Starts the portal, then waits for the reminders' first scheduled run to end. Quartz fires it as the scheduler
        /// starts, as of the real day and hour: on a reminder day (the 7th, three days before a pack is due) it would
        /// otherwise race the first test, remind the manager of a world created meanwhile, and break the test that
        /// drives the reminders at hours of its own choosing. The next run is a day away.
        /// </summary>
        protected override IHost CreateHost(IHostBuilder builder)
        {
            var host = base.CreateHost(builder);
            FirstRemindersRunEndedAsync(host.Services).GetAwaiter().GetResult();
            return host;
        }

        private static async Task FirstRemindersRunEndedAsync(IServiceProvider services)
        {
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var giveUp = DateTime.UtcNow.AddMinutes(1);

            // A firing is in the store's fired instances from the moment it is acquired until its job has ended.
            while (!(await scheduler.GetTriggersOfJob(MailRemindersJob.Key)).Any(trigger => trigger.PreviousFireTimeUtc is not null)
                || (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = MailRemindersJob.Key })).Items.Count > 0)
            {
                if (DateTime.UtcNow > giveUp)
                {
                    throw new TimeoutException("The reminders' first scheduled run had not ended a minute after the portal started.");
                }

                await Task.Delay(100);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Smtp.Dispose();
        }
    }
}
