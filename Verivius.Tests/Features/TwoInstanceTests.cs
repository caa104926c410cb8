using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Documents;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Security;

namespace Verivius.Tests.Features;

/// <summary>
/// Two real portal processes on one PostgreSQL database, as behind a load balancer: they share the
/// sign-in, each scheduled run happens on one of them only, and a document asked of one is written
/// even when that one is killed at once.
/// </summary>
public partial class TwoInstanceTests : IClassFixture<PostgreSqlPortal>
{
    // The processes run by the real clock, so the month a document reports on is last month by it.
    private static readonly string LastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private readonly PostgreSqlPortal _portal;

    public TwoInstanceTests(PostgreSqlPortal portal) => _portal = portal;

    /// <summary>
    /// A person signed in on one instance is signed in on the other, and signing out on the second ends it on
    /// the first; figures one instance keeps give way to a change saved by another process at once.
    /// </summary>
    [Fact]
    public async Task TheyShareTheSignIn_AndItsEnd()
    {
        var world = await TestWorlds.CreateAsync(_portal, sites: 1);
        var site = world.SiteCodes[0];
        await using var first = await StartAsync();
        await using var second = await StartAsync();

        var cookies = new CookieContainer();
        using var onFirst = await SignedInAsync(first, world.RegisteredManager, cookies);
        using var onSecond = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = second.Address };
        onSecond.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(first.Address));

        using var readOnSecond = await onSecond.GetAsync(new Uri($"/sites/{site}", UriKind.Relative));
        var page = await readOnSecond.Content.ReadAsStringAsync();

        // The provider view's figures are kept on the first instance; a change saved by another process shows at its next request.
        using var niOnFirst = await SignedInAsync(first, world.NominatedIndividual, new CookieContainer());
        var providerBefore = await niOnFirst.GetStringAsync(new Uri("/provider", UriKind.Relative));
        await RenameAsync(site, "Renamed by another process");
        var providerAfter = await niOnFirst.GetStringAsync(new Uri("/provider", UriKind.Relative));

        using var signOut = await onSecond.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenIn(page) }));
        using var afterSignOut = await onFirst.GetAsync(new Uri($"/sites/{site}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, readOnSecond.StatusCode);
        Assert.Contains(world.SiteName(0), page, StringComparison.Ordinal);
        Assert.Contains(world.SiteName(0), providerBefore, StringComparison.Ordinal);
        Assert.Contains("Renamed by another process", providerAfter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains("/account/login", afterSignOut.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The board pack is asked for on the first instance, which is killed the moment it has answered
    /// and before its scheduler took any work: the request is a job in the shared store, so the second
    /// instance writes it.
    /// </summary>
    [Fact]
    public async Task ADocumentAskedOfAnInstanceKilledAtOnce_IsWrittenByTheOther()
    {
        var world = await TestWorlds.CreateAsync(_portal, sites: 2);
        var asked = StartAsync(("Scheduling__Enabled", "true"), ("Scheduling__StartDelaySeconds", "600"));
        var other = StartAsync(("Scheduling__Enabled", "true"));
        await using var writer = await other;
        Guid documentId;
        await using (var first = await asked)
        {
            using var onFirst = await SignedInAsync(first, world.NominatedIndividual, new CookieContainer());
            var form = await onFirst.GetStringAsync(new Uri("/documents/new", UriKind.Relative));
            using var ask = await onFirst.PostAsync(new Uri("/documents", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Kind"] = "board-pack",
                ["Period"] = LastMonth,
                ["__RequestVerificationToken"] = TokenIn(form),
            }));
            Assert.True(ask.StatusCode == HttpStatusCode.Redirect, $"Asking for the board pack answered {ask.StatusCode}:\n{first.Output}");
            documentId = Guid.Parse(ask.Headers.Location!.ToString().Split('/')[^1]);
        }

        var status = DocumentStatus.Generating;
        for (var attempt = 0; attempt < 120 && status == DocumentStatus.Generating; attempt++)
        {
            await Task.Delay(500);
            await using var scope = _portal.Services.CreateAsyncScope();
            status = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.Where(d => d.Id == documentId).Select(d => d.Status).SingleAsync();
        }

        Assert.True(status == DocumentStatus.Ready, $"The board pack asked of the killed instance is {status} a minute later.\n{writer.Output}");
    }

    /// <summary>
    /// Both instances run the scheduler with the nightly run and a site-pack schedule due every few
    /// seconds: each due run happens on one instance only, and each site's pack is written once
    /// however many runs come round.
    /// </summary>
    [Fact]
    public async Task EachScheduledRun_HappensOnOneInstance_AndEachSlotIsWrittenOnce()
    {
        var world = await TestWorlds.CreateAsync(_portal, sites: 3);
        Guid providerId;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            providerId = await db.Providers.Where(p => p.Name == world.ProviderName).Select(p => p.Id).SingleAsync();
            db.DocumentSchedules.Add(new DocumentSchedule(providerId, DocumentKind.SitePack, "0/2 * * * * ?"));
            await db.SaveChangesAsync();
        }

        string output;
        var scheduling = new[] { ("Scheduling__Enabled", "true"), ("Scheduling__NightlyChallenges", "0/3 * * * * ?") };
        var starting = new[] { StartAsync(scheduling), StartAsync(scheduling) };
        await using (var first = await starting[0])
        await using (var second = await starting[1])
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            output = first.Output + second.Output;
        }

        var nightlyRuns = NightlyRun().Matches(output).Select(m => m.Groups["due"].Value).ToList();
        var sitePackRuns = SitePackRun().Matches(output).Select(m => int.Parse(m.Groups["written"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var check = _portal.Services.CreateAsyncScope();
        var written = await check.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents
            .CountAsync(d => d.ProviderId == providerId && d.Kind == DocumentKind.SitePack && d.ScheduleSlot != null && d.Status == DocumentStatus.Ready);

        Assert.True(nightlyRuns.Count >= 2, $"The nightly run due every 3 seconds ran {nightlyRuns.Count} times in 15.\n{output}");
        Assert.Equal(nightlyRuns.Count, nightlyRuns.Distinct().Count());
        Assert.True(sitePackRuns.Count >= 2, $"The site-pack schedule due every 2 seconds ran {sitePackRuns.Count} times in 15.\n{output}");
        Assert.Equal(3, sitePackRuns.Sum());
        Assert.Equal(3, written);
    }

    /// <summary>
    /// Both instances deliver the outbox to one real SMTP server every second: each message arrives
    /// once, however the two share the work.
    /// </summary>
    [Fact]
    public async Task TheOutbox_DeliveredByBothInstances_ReachesTheServerOnceAMessage()
    {
        var world = await TestWorlds.CreateAsync(_portal, sites: 1);
        using var smtp = new SmtpCatcher();
        var queued = new List<Guid>();
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var providerId = await db.Providers.Where(p => p.Name == world.ProviderName).Select(p => p.Id).SingleAsync();
            for (var i = 0; i < 40; i++)
            {
                var mail = new OutboundMail(providerId, MailKinds.DraftWaiting, $"reader-{i}@test.example", $"Message {i}", $"<p>Message {i}</p>", $"Message {i}", DateTimeOffset.UtcNow);
                db.Outbox.Add(mail);
                queued.Add(mail.Id);
            }

            await db.SaveChangesAsync();
        }

        var mailing = new[]
        {
            ("Scheduling__Enabled", "true"), ("Scheduling__MailEverySeconds", "1"), ("Scheduling__RemindersEverySeconds", "86400"),
            ("Mail__Delivery", "Smtp"), ("Mail__Smtp__Host", "127.0.0.1"), ("Mail__Smtp__Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Mail__Smtp__Security", "None"),
        };
        var starting = new[] { StartAsync(mailing), StartAsync(mailing) };
        int sent;
        await using (var first = await starting[0])
        await using (var second = await starting[1])
        {
            sent = 0;
            for (var waited = 0; waited < 120 && sent < queued.Count; waited++)
            {
                await Task.Delay(500);
                await using var scope = _portal.Services.CreateAsyncScope();
                sent = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Outbox.CountAsync(m => queued.Contains(m.Id) && m.Status == MailStatus.Sent && m.Attempts == 1);
            }

            // A few more runs on each instance find nothing left to send.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var arrived = smtp.Received.Select(m => m.MessageId).ToList();
        Assert.Equal(queued.Count, sent);
        Assert.Equal(queued.Count, arrived.Count);
        Assert.Equal(queued.Select(id => $"{id:N}@verivius").Order(StringComparer.Ordinal), arrived.Order(StringComparer.Ordinal));
    }

    private static string TokenIn(string page) => RequestToken().Match(page).Groups[1].Value;

    private static async Task<HttpClient> SignedInAsync(PortalProcess portal, string email, CookieContainer cookies)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal.Address };
        var login = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var signIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = TestWorlds.Password,
            ["__RequestVerificationToken"] = TokenIn(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private Task<PortalProcess> StartAsync(params (string Name, string Value)[] settings)
    {
        var all = new Dictionary<string, string>(_portal.SharedSettings);
        foreach (var (name, value) in settings)
        {
            all[name] = value;
        }

        return PortalProcess.StartAsync(Path.Combine(Path.GetTempPath(), $"verivius-unused-{Guid.NewGuid():N}.db"), all);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();

    [GeneratedRegex(@"Nightly challenge run due (?<due>\S+):")]
    private static partial Regex NightlyRun();

    [GeneratedRegex(@"Scheduled SitePack for \S+: (?<written>\d+) written")]
    private static partial Regex SitePackRun();

    private async Task RenameAsync(string siteCode, string name)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var site = await db.Sites.SingleAsync(s => s.Code == siteCode);
        site.Describe(name, site.ServiceType, null);
        await db.SaveChangesAsync();
    }
}
