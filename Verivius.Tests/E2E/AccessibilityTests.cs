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
        foreach (var path in new[] { "/account/login", "/account/forgot-password", "/account/choose-password?user=nobody&for=reset&token=spent" })
        {
            await anonymous.GotoAsync(path);
            await Axe.AssertNoSeriousViolationsAsync(anonymous);
        }

        await anonymous.Context.CloseAsync();

        await ScanAsync("rm@demo.verivius.test", "/sites", $"/sites/{Site}", $"/sites/{Site}/challenges", $"/sites/{Site}/records/incidents", $"/sites/{Site}/packs", $"/sites/{Site}/trail-audit", $"/sites/{Site}/readiness", $"/sites/{Site}/records/find?text=aud", "/account/mail");
        await ScanAsync("ni@demo.verivius.test", "/provider", "/challenges", "/oversight", "/documents", "/documents/new", "/trail-audit");
        await ScanAsync("admin@demo.verivius.test", "/admin", "/admin/thresholds", "/documents/schedules", "/admin/readiness", "/admin/api-tokens", "/admin/outbox", "/admin/mail-schedule", "/admin/framework", "/admin/framework/changes?from=2024-12&to=2026-03-draft");
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

    /// <summary>The admin's API token pages, from a refused form to the token shown once, used, and revoked.</summary>
    [Fact]
    public async Task AnApiToken_IssuedUsedAndRevokedByTheAdmin_OnPagesWithNoSeriousAccessibilityViolations()
    {
        var page = await _portal.SignedInPageAsync("admin@demo.verivius.test", bypassCsp: true);
        await page.GotoAsync("/admin/api-tokens");
        await page.GetByRole(AriaRole.Link, new() { Name = "Issue a token" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose at least one site the token may reach.");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Name").FillAsync("Browser-issued care system");
        await page.GetByLabel("Cedar Lodge (1-101000002)").CheckAsync();
        await page.GetByLabel("Send packs: preview and import the monthly pack workbook of its sites").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token" }).ClickAsync();
        var secret = (await page.GetByLabel("API token").InnerTextAsync()).Trim();
        await Axe.AssertNoSeriousViolationsAsync(page);
        using var system = new HttpClient { BaseAddress = new Uri(_portal.BaseUrl) };
        system.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        using var read = await system.GetAsync(new Uri($"/api/v1/sites/{Site}/recovery", UriKind.Relative));

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to API tokens" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Browser-issued care system" });
        await Assertions.Expect(row).ToContainTextAsync("Read the recovery position");
        await Assertions.Expect(row).Not.ToContainTextAsync("Never");
        await row.GetByRole(AriaRole.Link, new() { Name = "Revoke" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Browser-issued care system" })).ToContainTextAsync("Revoked");
        using var afterRevoke = await system.GetAsync(new Uri($"/api/v1/sites/{Site}/recovery", UriKind.Relative));
        await page.Context.CloseAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
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
