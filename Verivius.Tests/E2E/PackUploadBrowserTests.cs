using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Verivius.Tests.E2E;

[Collection(BrowserTestsRunAlone.Name)]
public class PackUploadBrowserTests : IClassFixture<BrowserPortal>
{
    private const string Site = "1-101000001";

    private readonly BrowserPortal _portal;

    public PackUploadBrowserTests(BrowserPortal portal) => _portal = portal;

    [Fact]
    public async Task AManager_UploadsAWorkbookWithAnError_SeesTheCell_FixesIt_AndItImports()
    {
        var page = await _portal.SignedInPageAsync("rm@demo.verivius.test");
        await page.ArrivedAtAsync(new Regex("/sites$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Beech House", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Monthly packs" }).ClickAsync();

        var bad = new PackWorkbook(Site).Set("Incidents", 2, "Severity", "Sever");
        await page.GetByLabel("Pack workbook (.xlsx, at most 20 MB)").SetInputFilesAsync(Workbook("october.xlsx", bad.Build()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        var problem = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(problem).ToContainTextAsync($"Incidents!{bad.Cell("Incidents", "Severity", 2)}: \"Sever\" is not a severity; use None, Low, Moderate, Severe or Death");

        await page.GetByLabel("Pack workbook (.xlsx, at most 20 MB)").SetInputFilesAsync(Workbook("october-fixed.xlsx", new PackWorkbook(Site).Build()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported the 2026-10 pack as version 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = true })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    /// <summary>A second version of a month is shown before it is stored: the row it drops, the challenge it clears, then imported on confirming.</summary>
    [Fact]
    public async Task AManager_SeesWhatANewVersionWouldChange_AndConfirmsIt()
    {
        const string cedarLodge = "1-101000002";
        var page = await _portal.SignedInPageAsync("rm@demo.verivius.test", bypassCsp: true);
        await page.GotoAsync($"/sites/{cedarLodge}/packs");
        var first = new PackWorkbook(cedarLodge, "2026-09")
            .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2026-06-01"));
        await page.GetByLabel("Pack workbook (.xlsx, at most 20 MB)").SetInputFilesAsync(Workbook("september.xlsx", first.Build()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported the 2026-09 pack as version 1");

        await page.GetByLabel("Pack workbook (.xlsx, at most 20 MB)").SetInputFilesAsync(Workbook("september-v2.xlsx", new PackWorkbook(cedarLodge, "2026-09").Build()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check what version 2 of the September 2026 pack would change");
        var training = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Training", Exact = true }) });
        await Assertions.Expect(training).ToContainTextAsync("Would go (1)");
        await Assertions.Expect(training.GetByRole(AriaRole.Listitem)).ToHaveTextAsync("ST-02, Fire safety");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "TRN-OVERDUE-NO-PLAN" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import as version 2" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported the 2026-09 pack as version 2");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = true })).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    private static FilePayload Workbook(string name, byte[] content) => new()
    {
        Name = name,
        MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Buffer = content,
    };
}
