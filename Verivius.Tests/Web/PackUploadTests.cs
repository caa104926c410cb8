using System.Net;
using System.Net.Http.Headers;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public class PackUploadTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public PackUploadTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task ABadWorkbook_ShowsEveryProblemBySheet_ThenTheFixedOneImports_AndCanBeDownloaded()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var bad = new PackWorkbook(site).Set("Incidents", 2, "Severity", "Sever").Set("Actions", 2, "RaisedOn", "soon");

        using var refused = await manager.UploadPackAsync(site, bad.Build());
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        using var accepted = await manager.UploadPackAsync(site, new PackWorkbook(site).Build());
        var (_, packsPage) = await manager.GetAsync($"/sites/{site}/packs");
        using var download = await manager.Client.GetAsync(new Uri($"/sites/{site}/packs/2026-10/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Nothing was imported: the pack has 2 problems", refusedPage, StringComparison.Ordinal);
        Assert.Contains($"Incidents!{bad.Cell("Incidents", "Severity", 2)}: \"Sever\" is not a severity", refusedPage, StringComparison.Ordinal);
        Assert.Contains($"Actions!{bad.Cell("Actions", "RaisedOn", 2)}: \"soon\" is not a date", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("October 2026", packsPage, StringComparison.Ordinal);
        Assert.Matches("<td>October 2026</td>\\s*<td>Received</td>\\s*<td>1</td>", packsPage);
        Assert.Matches("<td>September 2026</td>\\s*<td>Not received</td>\\s*<td>0</td>", packsPage);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"pack-{site}-2026-10-v1.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task TheTemplate_UploadedBackUnchanged_ImportsAsAnEmptyMonth()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var template = await manager.Client.GetAsync(new Uri($"/sites/{site}/packs/template", UriKind.Relative));
        using var upload = await manager.UploadPackAsync(site, await template.Content.ReadAsByteArrayAsync());
        var (_, packs) = await manager.GetAsync($"/sites/{site}/packs");

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.StartsWith($"pack-{site}-", template.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Contains("<td>1</td>", packs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInactiveSite_SaysSo_AndRefusesAnUpload()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var token = await manager.TokenFromAsync($"/sites/{site}/packs");
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var _ = await admin.SubmitAsync($"/admin/sites/{site}/deactivate", $"/admin/sites/{site}/deactivate", []);

        var (status, page) = await manager.GetAsync($"/sites/{site}/packs");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new PackWorkbook(site).Build()), "workbook", "october.xlsx");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var upload = await manager.Client.PostAsync(new Uri($"/sites/{site}/packs", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This site is inactive", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Upload and check", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task TheProblemList_DownloadsAsText()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var response = await manager.SubmitAsync($"/sites/{world.SiteCodes[0]}/packs", $"/sites/{world.SiteCodes[0]}/packs/problems", new() { ["problems"] = "Incidents!D2: \"Sever\" is not a severity" });

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Incidents!D2: \"Sever\" is not a severity", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AManager_CannotUploadToAnotherSite_AndACommissionerCannotOpenPacks()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        using var elsewhere = await manager.UploadPackAsync(world.SiteCodes[1], new PackWorkbook(world.SiteCodes[1]).Build(), tokenPage: $"/sites/{world.SiteCodes[0]}/packs");
        var (commissionerStatus, _) = await commissioner.GetAsync($"/sites/{world.SiteCodes[1]}/packs");

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, commissionerStatus);
    }
}
