using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public partial class RecordPageTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public RecordPageTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AfterAnImport_TheRecordsListAndFilter()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (status, incidents) = await manager.GetAsync($"/sites/{site}/records/incidents");
        var (_, filtered) = await manager.GetAsync($"/sites/{site}/records/feedback?filter=nothing-like-this");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">INC-1</a>", incidents, StringComparison.Ordinal);
        Assert.Contains("Fall, Moderate", incidents, StringComparison.Ordinal);
        Assert.Contains("Nothing matches", WebUtility.HtmlDecode(filtered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvidenceIsFoundByAFewLettersOfItsReferenceOrSummary_WithTheReferenceToCite_WithOrWithoutScript()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        var (_, byReference) = await manager.GetAsync($"/sites/{site}/records/find.json?text=aud-");
        var (_, bySummary) = await manager.GetAsync($"/sites/{site}/records/find.json?text=FALLS%20CARE");
        var (_, tooShort) = await manager.GetAsync($"/sites/{site}/records/find.json?text=a");
        var (_, page) = await manager.GetAsync($"/sites/{site}/records/find?text=falls%20care");
        var (_, nothing) = await manager.GetAsync($"/sites/{site}/records/find?text=no-such-thing");
        var (forbidden, _) = await commissioner.GetAsync($"/sites/{site}/records/find.json?text=aud");

        Assert.StartsWith("[{\"cite\":\"Audits:AUD-1\",\"kind\":\"Audit\",\"ref\":\"AUD-1\"", byReference, StringComparison.Ordinal);
        Assert.Contains("{\"cite\":\"Actions:ACT-1\",\"kind\":\"Action\",\"ref\":\"ACT-1\",\"summary\":\"Refresh falls care plans\"}", bySummary, StringComparison.Ordinal);
        Assert.Equal("[]", tooShort);
        Assert.Matches($"<td><code>Actions:ACT-1</code></td>\\s*<td><a href=\"/sites/{site}/records/actions/ACT-1\">Action ACT-1</a></td>", page);
        Assert.Contains("No record or attachment of", WebUtility.HtmlDecode(nothing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    /// <summary>A choice stored by its name ("MissingPerson") is found by the words a person reads and types.</summary>
    [Fact]
    public async Task EvidenceWhoseSummaryIsAChoice_IsFoundByTheWordsShown()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        await TestWorlds.ImportPackAsync(_factory, world.RegisteredManager, site, new PackWorkbook(site).Set("Incidents", 2, "Category", "MissingPerson").Build());
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (_, found) = await manager.GetAsync($"/sites/{site}/records/find.json?text=missing%20person");

        Assert.Contains("\"cite\":\"Incidents:INC-1\"", found, StringComparison.Ordinal);
        Assert.Contains("Missing person", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecord_ShowsItsFieldsItsLinksBothWaysAndItsHistory()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (status, action) = await manager.GetAsync($"/sites/{site}/records/actions/ACT-1");
        action = WebUtility.HtmlDecode(action);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Refresh falls care plans", action, StringComparison.Ordinal);
        Assert.Contains("Raised from: <a href=\"/sites/" + site + "/records/incidents/INC-1\">Incident INC-1</a>", action, StringComparison.Ordinal);
        Assert.Contains("Current action of: <a href=\"/sites/" + site + "/records/recovery/R-1\">Risk R-1</a>", action, StringComparison.Ordinal);
        Assert.Contains("Carried out for: <a href=\"/sites/" + site + "/records/decisions/DEC-1\">Decision DEC-1</a>", action, StringComparison.Ordinal);
        Assert.Contains($"<td>rm-{world.Tag}</td><td>Added</td>", action, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actions", "ACT-1", RecordKind.Actions)]
    [InlineData("incidents", "INC-1", RecordKind.Incidents)]
    [InlineData("feedback", "FB-1", RecordKind.Feedback)]
    public async Task ARecord_ListsTheChallengesThatNameIt_AsTheRegisterHoldsThem(string slug, string reference, RecordKind kind)
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var naming = await db.Challenges
            .Where(c => db.Sites.Any(s => s.Id == c.SiteId && s.Code == site))
            .Select(c => new { c.Id, c.Code, c.Subjects })
            .ToListAsync();
        var expected = naming.Where(c => c.Subjects.Split('\n').Contains($"{kind}:{reference}")).ToList();

        var (_, page) = await manager.GetAsync($"/sites/{site}/records/{slug}/{reference}");
        var listed = ChallengeLink().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

        Assert.Equal(expected.Select(c => c.Id).Order(), listed.Order());
        Assert.Contains("Challenges on this", page, StringComparison.Ordinal);
        if (expected.Count == 0)
        {
            Assert.Contains("No challenge names this", page, StringComparison.Ordinal);
        }

        if (kind == RecordKind.Actions)
        {
            Assert.Contains(expected, c => c.Code == "ACT-OVERDUE");
        }
    }

    [Fact]
    public async Task UnknownKindsAndReferences_AreNotFound_AndCommissionersCannotOpenRecords()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/sites/{site}/records/gossip")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/sites/{site}/records/actions/ACT-404")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/sites/{site}/records/incidents")).Status);
    }

    [Fact]
    public async Task AnAttachment_DownloadsAsAFileOnlyForThoseWhoMaySeeTheSite()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        var site = world.SiteCodes[0];
        var pdf = "%PDF-1.7\n%%EOF"u8.ToArray();
        var imported = await TestWorlds.ImportPackAsync(_factory, world.RegisteredManager, site, new PackWorkbook(site).Set("Meetings", 2, "MinutesRef", "minutes <october>.pdf").Build(), new Verivius.Web.Features.Packs.PackFile("minutes <october>.pdf", pdf));
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var other = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var stranger = await PortalSession.SignInAsync(_factory, other.NominatedIndividual);
        var address = $"/sites/{site}/records/attachments/{Uri.EscapeDataString("minutes <october>.pdf")}/download";

        using var download = await manager.Client.GetAsync(new Uri(address, UriKind.Relative));
        var (strangerStatus, _) = await stranger.GetAsync(address);

        Assert.Equal(Verivius.Web.Features.Packs.PackImportStatus.Imported, imported.Status);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("minutes__october_.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, strangerStatus);
    }

    [GeneratedRegex("<li><a href=\"/sites/[^/]+/challenges/([0-9a-f-]{36})\">")]
    private static partial Regex ChallengeLink();
}
