using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Verivius.Tests.E2E;

[Collection(BrowserTestsRunAlone.Name)]
public class ProviderBrowserTests : IClassFixture<BrowserPortal>
{
    private const string Site = "1-101000003";

    private readonly BrowserPortal _portal;

    public ProviderBrowserTests(BrowserPortal portal) => _portal = portal;

    [Fact]
    public async Task TheNi_OpensTheProviderView_SelectsARedCell_AndLandsOnTheRiskBehindIt()
    {
        await TestWorlds.ImportPackAsync(_portal.Factory, "ni@demo.verivius.test", Site, new PackWorkbook(Site).Set("Recovery", 2, "Trend", "Worsening").Build());
        var page = await _portal.SignedInPageAsync("ni@demo.verivius.test");
        await page.ArrivedAtAsync(new Regex("/provider$"));

        var red = page.Locator("table.heat-map td.heat-red a").First;
        await Assertions.Expect(red).ToHaveAttributeAsync("aria-label", new Regex("^Safeguarding at Elm Court: 1 open risk, worsening"));
        await red.ClickAsync();

        await page.ArrivedAtAsync(new Regex($"/sites/{Site}/records/recovery/R-1$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Risk R-1");
        await Assertions.Expect(page.GetByText("Falls at night").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
