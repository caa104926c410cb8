using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Verivius.Tests.E2E;

[Collection(BrowserTestsRunAlone.Name)]
public class RoleHomeTests : IClassFixture<BrowserPortal>
{
    private readonly BrowserPortal _portal;

    public RoleHomeTests(BrowserPortal portal) => _portal = portal;

    [Theory]
    [InlineData("ni@demo.verivius.test", "/provider", "Demo Care Group")]
    [InlineData("admin@demo.verivius.test", "/admin", "Administration – Demo Care Group")]
    [InlineData("rm@demo.verivius.test", "/sites", "Sites")]
    [InlineData("commissioner@demo.verivius.test", "/commissioner", "Commissioned sites")]
    public async Task EachDemoRole_SignsIn_AndLandsOnTheirHomePage(string email, string home, string heading)
    {
        var page = await _portal.SignedInPageAsync(email);
        await page.ArrivedAtAsync(new Regex(Regex.Escape(home) + "$"));

        Assert.Equal(heading, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheRegisteredManager_SeesTheirTwoSitesAndNoOthers()
    {
        var page = await _portal.SignedInPageAsync("rm@demo.verivius.test");
        await page.ArrivedAtAsync(new Regex("/sites$"));

        var sites = await page.Locator("tbody tr td:first-child").AllTextContentsAsync();

        Assert.Equal(["Beech House", "Cedar Lodge"], sites.Select(s => s.Trim()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCommissioner_SeesTheRecoveryPositionOfTheirTwoSitesOnly()
    {
        var page = await _portal.SignedInPageAsync("commissioner@demo.verivius.test");
        await page.ArrivedAtAsync(new Regex("/commissioner$"));

        var sites = await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllTextContentsAsync();

        Assert.Equal(["Cedar Lodge", "Elm Court", "Recovery updates sent to you"], sites.Select(s => s.Trim()));
        await Assertions.Expect(page.GetByText("Beech House")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
