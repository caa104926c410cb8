using Microsoft.Playwright;
using Verivius.Domain.Challenges;

namespace Verivius.Tests.E2E;

/// <summary>Each main page, with real records on it, passes an axe-core scan with no serious or critical violation.</summary>
[Collection(BrowserTestsRunAlone.Name)]
public class AccessibilityTests : IClassFixture<BrowserPortal>
{
    private const string Site = "1-101000002";

    private readonly BrowserPortal _portal;

    public AccessibilityTests(BrowserPortal portal) => _portal = portal;

    [Fact]
    public async Task TheMainPages_HaveNoSeriousAccessibilityViolations()
    {
        await TestWorlds.ImportPackAsync(_portal.Factory, "rm@demo.verivius.test", Site, new PackWorkbook(Site).Build());

        var anonymous = await _portal.NewPageAsync(bypassCsp: true);
        await anonymous.GotoAsync("/account/login");
        await Axe.AssertNoSeriousViolationsAsync(anonymous);
        await anonymous.Context.CloseAsync();

        await ScanAsync("rm@demo.verivius.test", "/sites", $"/sites/{Site}", $"/sites/{Site}/challenges", $"/sites/{Site}/records/incidents", $"/sites/{Site}/packs", $"/sites/{Site}/trail-audit", $"/sites/{Site}/readiness", $"/sites/{Site}/records/find?text=aud");
        await ScanAsync("ni@demo.verivius.test", "/provider", "/challenges", "/oversight", "/documents", "/documents/new", "/trail-audit");
        await ScanAsync("admin@demo.verivius.test", "/admin", "/admin/thresholds", "/documents/schedules", "/admin/readiness");
        await ScanAsync("commissioner@demo.verivius.test", "/commissioner");

        var ni = await _portal.SignedInPageAsync("ni@demo.verivius.test", bypassCsp: true);
        await ni.GotoAsync($"/sites/{Site}/challenges");
        await ni.GetByRole(AriaRole.Link, new() { Name = ChallengeCatalogue.Of(ChallengeCodes.ActOverdue).Title }).First.ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(ni);
        await ni.Context.CloseAsync();
    }

    [Fact]
    public async Task TheErrorStates_ARefusedUploadAndARefusedAnswer_HaveNoSeriousAccessibilityViolations()
    {
        await TestWorlds.ImportPackAsync(_portal.Factory, "rm@demo.verivius.test", Site, new PackWorkbook(Site).Build());
        var page = await _portal.SignedInPageAsync("rm@demo.verivius.test", bypassCsp: true);
        await page.GotoAsync($"/sites/{Site}/packs");
        await page.GetByLabel("Pack workbook (.xlsx, at most 20 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "refused.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = new PackWorkbook(Site).Set("Incidents", 2, "Severity", "Sever").Build(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download this list" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/sites/{Site}/challenges");
        await page.GetByRole(AriaRole.Link, new() { Name = ChallengeCatalogue.Of(ChallengeCodes.ActOverdue).Title }).First.ClickAsync();
        await page.GetByLabel("What the site has done").FillAsync("Re-planned with the deputy manager");
        await page.GetByLabel("Evidence (optional)").FillAsync("Audits:AUD-404");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("names no record or attachment of this site")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/sites/{Site}/challenges");
        await page.GetByLabel("What the site has done").FillAsync("One review for all of them");
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer the ticked challenges" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose the challenges this answer is for.");
        await page.GetByLabel("Find a record or attachment to cite").PressSequentiallyAsync("aud");
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Matching records" }).GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task ScanAsync(string email, params string[] paths)
    {
        var page = await _portal.SignedInPageAsync(email, bypassCsp: true);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Axe.AssertNoSeriousViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }
}
