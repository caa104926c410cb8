using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public class RecordPageTests : IClassFixture<PortalFactory>
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
        Assert.Contains($"<td>{world.RegisteredManager}</td><td>Insert</td>", action, StringComparison.Ordinal);
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
}
