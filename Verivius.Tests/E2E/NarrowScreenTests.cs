using Verivius.Tests.Support;

namespace Verivius.Tests.E2E;

/// <summary>
/// On a phone 390 pixels wide the main pages fit: a wide table scrolls inside its own box, and the page
/// itself never scrolls sideways.
/// </summary>
[Collection(BrowserTestsRunAlone.Name)]
public class NarrowScreenTests : IClassFixture<BrowserPortal>
{
    private const int PhoneWidth = 390;
    private const string Site = "1-101000002";

    private readonly BrowserPortal _portal;

    public NarrowScreenTests(BrowserPortal portal) => _portal = portal;

    [Fact]
    public async Task TheMainPages_FitAPhone_WithWideTablesScrollingInTheirOwnBox()
    {
        await TestWorlds.ImportPackAsync(_portal.Factory, "rm@demo.verivius.test", Site, new PackWorkbook(Site).Build());
        var tooWide = new List<string>();

        await WalkAsync("ni@demo.verivius.test", tooWide, "/provider", $"/sites/{Site}", $"/sites/{Site}/challenges", "/challenges", "/challenges/rules", "/documents", "/oversight", "/sites",
            $"/sites/{Site}/records/actions", $"/sites/{Site}/records/actions/ACT-1", $"/sites/{Site}/packs", $"/sites/{Site}/readiness", $"/sites/{Site}/trail-audit", $"/sites/{Site}/records/find?text=act");
        await WalkAsync("admin@demo.verivius.test", tooWide, "/admin", "/admin/sites", "/admin/users", "/admin/history", "/admin/thresholds", "/documents/schedules");
        await WalkAsync("commissioner@demo.verivius.test", tooWide, "/commissioner");

        Assert.Empty(tooWide);
    }

    private async Task WalkAsync(string email, List<string> tooWide, params string[] paths)
    {
        var page = await _portal.SignedInPageAsync(email);
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > PhoneWidth)
            {
                tooWide.Add($"{path} as {email} is {width} pixels wide");
            }
        }

        await page.Context.CloseAsync();
    }
}
