using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Web;

public partial class PackUploadTests : IClassFixture<PortalFactory>
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
        // The versions table and the month owed from hold whatever today is; the twelve-month table moves on.
        Assert.Matches("<td>October 2026</td>\\s*<td>1</td>", packsPage);
        Assert.Contains("owes a pack for every month from October 2026", packsPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"pack-{site}-2026-10-v1.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    /// <summary>
    /// A month's second version is held while its preview is read: the upload's changes and challenges are
    /// shown, nothing is stored, no one else can confirm it, and confirming imports it.
    /// </summary>
    [Fact]
    public async Task ANewVersion_ShowsWhatItWouldChange_AndIsStoredOnlyWhenItsUploaderConfirms()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var first = await manager.UploadPackAsync(site, OctoberWithAnExpiredCourse(site).Build());

        using var second = await manager.UploadPackAsync(site, new PackWorkbook(site).Set("Complaints", 2, "Theme", "Laundry and labels").Build());
        var preview = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        var (_, whilePreviewed) = await manager.GetAsync($"/sites/{site}/packs");
        var held = HeldToken().Match(preview).Groups[1].Value;
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var byAnother = await ni.SubmitAsync($"/sites/{site}/packs", $"/sites/{site}/packs/confirm", new() { ["token"] = held, ["confirmsVersion"] = "1" });
        var (_, afterAnother) = await ni.GetAsync($"/sites/{site}/packs");
        using var confirmed = await manager.SubmitAsync($"/sites/{site}/packs", $"/sites/{site}/packs/confirm", new() { ["token"] = held, ["confirmsVersion"] = "1" });
        var (_, afterConfirm) = await manager.GetAsync($"/sites/{site}/packs");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Contains("Check what version 2 of the October 2026 pack would change", preview, StringComparison.Ordinal);
        Assert.Contains("<li>ST-02, Fire safety</li>", preview, StringComparison.Ordinal);
        Assert.Contains("<li>CMP-1: Theme</li>", preview, StringComparison.Ordinal);
        Assert.Matches(@"Would close as condition cleared \(1\)</h3>\s*<ul>\s*<li><strong>TRN-OVERDUE-NO-PLAN</strong>", preview);
        Assert.DoesNotContain($"/sites/{site}/packs/2026-10/v2", whilePreviewed, StringComparison.Ordinal);
        Assert.Contains("that upload is no longer waiting", WebUtility.HtmlDecode(afterAnother), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Imported the 2026-10 pack as version 2", WebUtility.HtmlDecode(afterConfirm), StringComparison.Ordinal);
        Assert.Contains($"/sites/{site}/packs/2026-10/v2", afterConfirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingAPreview_KeepsTheVersionThereIs_AndLetsGoOfTheUpload()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var first = await manager.UploadPackAsync(site, OctoberWithAnExpiredCourse(site).Build());
        using var second = await manager.UploadPackAsync(site, new PackWorkbook(site).Build());
        var held = HeldToken().Match(await second.Content.ReadAsStringAsync()).Groups[1].Value;

        using var cancelled = await manager.SubmitAsync($"/sites/{site}/packs", $"/sites/{site}/packs/cancel", new() { ["token"] = held, ["confirmsVersion"] = "1", ["month"] = "October 2026" });
        var (_, afterCancel) = await manager.GetAsync($"/sites/{site}/packs");
        using var confirmedLate = await manager.SubmitAsync($"/sites/{site}/packs", $"/sites/{site}/packs/confirm", new() { ["token"] = held, ["confirmsVersion"] = "1" });
        var (_, afterLateConfirm) = await manager.GetAsync($"/sites/{site}/packs");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Nothing was imported: version 1 stays the October 2026 pack.", afterCancel, StringComparison.Ordinal);
        Assert.Contains("that upload is no longer waiting", WebUtility.HtmlDecode(afterLateConfirm), StringComparison.Ordinal);
        Assert.DoesNotContain($"/sites/{site}/packs/2026-10/v2", afterLateConfirm, StringComparison.Ordinal);
    }

    /// <summary>
    /// The template of a month that has a pack is that month as the portal holds it: sent back as it is,
    /// nothing changes. The next month's carries the open records and the matrix forward.
    /// </summary>
    [Fact]
    public async Task TheTemplate_IsFilledWithWhatTheSiteHolds_AndSentBackAsItIs_ChangesNothing()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1, reportingFrom: new DateOnly(2026, 10, 1));
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var first = await manager.UploadPackAsync(site, OctoberWithAnExpiredCourse(site).Build());

        var october = await TemplateAsync(manager, site, "2026-10");
        var november = await TemplateAsync(manager, site, "2026-11");
        using var sentBack = await manager.UploadPackAsync(site, october.Bytes);
        var (_, afterSendingBack) = await manager.GetAsync($"/sites/{site}/packs");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"pack-{site}-2026-10.xlsx", october.FileName);
        Assert.Empty(OpenXmlProblems(october.Bytes));
        var filled = Assert.IsType<Verivius.Domain.Packs.Reading.PackContent>(october.Read.Content);
        Assert.Equal(
            new Dictionary<string, int> { ["Actions"] = 1, ["Training"] = 2, ["Supervision"] = 1, ["Inspection"] = 1, ["Assurance"] = 1, ["Recovery"] = 1 },
            filled.RowCounts.Where(c => c.Value > 0).ToDictionary());
        Assert.Contains(october.Instructions, line => line.Contains("Training: the training matrix as it stands (from the October 2026 pack), 2 rows", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Contains("Nothing was stored: every row of this workbook matches what version 1 of the 2026-10 pack holds.", WebUtility.HtmlDecode(afterSendingBack), StringComparison.Ordinal);
        Assert.DoesNotContain($"/sites/{site}/packs/2026-10/v2", afterSendingBack, StringComparison.Ordinal);
        Assert.Equal(("2026-11", 2), (november.Read.Content!.Period.ToString(), november.Read.Content.RowCounts["Training"]));
    }

    [Fact]
    public async Task TheTemplateOffered_IsForTheMonthTheSiteOwesNext()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1, reportingFrom: new DateOnly(2026, 9, 1));
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var september = await manager.UploadPackAsync(site, new PackWorkbook(site, "2026-09").Build());

        var (_, page) = await manager.GetAsync($"/sites/{site}/packs");
        var offered = await TemplateAsync(manager, site, month: null);

        Assert.Contains("Download the workbook for October 2026</a>, the month this site owes next.", page, StringComparison.Ordinal);
        Assert.Equal($"pack-{site}-2026-10.xlsx", offered.FileName);
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

    private static async Task<(string? FileName, byte[] Bytes, Verivius.Domain.Packs.Reading.PackReadResult Read, List<string> Instructions)> TemplateAsync(PortalSession session, string site, string? month)
    {
        using var response = await session.Client.GetAsync(new Uri($"/sites/{site}/packs/template" + (month is null ? "" : $"?month={month}"), UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var workbook = Verivius.Infrastructure.Workbooks.XlsxWorkbook.Open(new MemoryStream(bytes));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var instructions = (DocumentFormat.OpenXml.Packaging.WorksheetPart)part.GetPartById(
            part.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Instructions").Id!);
        return (response.Content.Headers.ContentDisposition?.FileNameStar, bytes, Verivius.Domain.Packs.Reading.PackReader.Read(workbook, TestClock.Today),
            [.. instructions.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text)]);
    }

    private static List<string> OpenXmlProblems(byte[] workbook)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return [.. new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description)];
    }

    private static PackWorkbook OctoberWithAnExpiredCourse(string site) => new PackWorkbook(site)
        .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2026-06-01"));

    /// <summary>
    /// The upload is answered before the engine runs: the packs page says the site is being checked, then
    /// what the check changed once it lands. A check a restart cut short is found waiting and done; one
    /// already done is not done twice.
    /// </summary>
    [Fact]
    public async Task AnUpload_IsAnsweredBeforeTheEngineChecksTheSite_AndThePacksPageShowsTheCheckWhenItLands()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var uploaded = await manager.UploadPackAsync(site, new PackWorkbook(site).Build());
        var (_, answered) = await manager.GetAsync($"/sites/{site}/packs");
        var landed = await PacksPageOnceCheckedAsync(manager, site);
        var raised = await ChallengeCountAsync(site);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("The challenge engine is checking the site now", answered, StringComparison.Ordinal);
        Assert.Matches("<h2 class=\"h5\">(Being checked|Checked)</h2>", answered);
        Assert.True(raised > 0, "the October pack's overdue action and expired course raise challenges");
        Assert.Contains($"After version 1 of the October 2026 pack", landed, StringComparison.Ordinal);
        Assert.Contains($"the challenge engine checked {world.SiteName(0)}: 1 site(s) checked: {raised} challenge(s) raised", landed, StringComparison.Ordinal);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var version = db.PackVersions.Where(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site)));
        await version.ExecuteUpdateAsync(set => set.SetProperty(v => v.AwaitingChallengeCheck, true));
        var (_, cutShort) = await manager.GetAsync($"/sites/{site}/packs");
        var checks = _factory.Services.GetRequiredService<ChecksAfterImport>();
        var waiting = await checks.UnfinishedAsync(scope.ServiceProvider, CancellationToken.None);
        var versionId = await version.Select(v => v.Id).SingleAsync();
        await checks.DoAsync(_factory.Services.GetRequiredService<IServiceScopeFactory>(), versionId, CancellationToken.None);
        var (_, redone) = await manager.GetAsync($"/sites/{site}/packs");
        var versionChanges = db.ChangeLog.Where(e => e.EntityKey.Contains(versionId.ToString()));
        var changesBefore = await versionChanges.CountAsync();
        await checks.DoAsync(_factory.Services.GetRequiredService<IServiceScopeFactory>(), versionId, CancellationToken.None);

        Assert.Contains("<h2 class=\"h5\">Being checked</h2>", cutShort, StringComparison.Ordinal);
        Assert.Contains(versionId, waiting.Select(w => w.Id));
        Assert.Contains("1 site(s) checked: 0 challenge(s) raised", WebUtility.HtmlDecode(redone), StringComparison.Ordinal);
        Assert.Equal(raised, await ChallengeCountAsync(site));
        Assert.True(changesBefore > 0, "the check's outcome is written to the version through the change log");
        Assert.Equal(changesBefore, await versionChanges.CountAsync());
    }

    private static async Task<string> PacksPageOnceCheckedAsync(PortalSession session, string site)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (_, page) = await session.GetAsync($"/sites/{site}/packs");
            if (page.Contains("<h2 class=\"h5\">Checked</h2>", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(page);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The packs page of {site} did not show the challenge check within 20 seconds.");
    }

    private async Task<int> ChallengeCountAsync(string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        return await db.Challenges.CountAsync(c => db.Sites.Any(s => s.Id == c.SiteId && s.Code == site));
    }

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex HeldToken();
}
