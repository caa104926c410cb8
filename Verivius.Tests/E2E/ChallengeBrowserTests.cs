using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verivius.Domain.Challenges;

namespace Verivius.Tests.E2E;

[Collection(BrowserTestsRunAlone.Name)]
public class ChallengeBrowserTests : IClassFixture<BrowserPortal>
{
    private const string Site = "1-101000002";

    private readonly BrowserPortal _portal;

    public ChallengeBrowserTests(BrowserPortal portal) => _portal = portal;

    [Fact]
    public async Task AManagerAnswersTheChallengeAPackRaised_AndTheNominatedIndividualAcceptsIt()
    {
        var manager = await _portal.SignedInPageAsync("rm@demo.verivius.test");
        await manager.GotoAsync($"/sites/{Site}/packs");
        await manager.GetByLabel("Pack workbook (.xlsx, at most 20 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "october.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = new PackWorkbook(Site).Build(),
        });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Challenge engine: 1 site\(s\) checked: \d+ challenge\(s\) raised"));

        await manager.GotoAsync($"/sites/{Site}");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Challenges", Exact = true }).First.ClickAsync();
        await manager.GetByLabel("Challenge", new() { Exact = true }).SelectOptionAsync("ACT-OVERDUE");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = ChallengeCatalogue.Of(ChallengeCodes.ActOverdue).Title }).ClickAsync();
        await Assertions.Expect(manager.Locator("#finding")).ToContainTextAsync("Action ACT-1 (\"Refresh falls care plans\")");
        await manager.GetByLabel("What the site has done").FillAsync("Plans refreshed and re-audited");
        await manager.GetByLabel("Evidence (optional)").FillAsync("Audits:AUD-1");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer is recorded.");
        var challengeUrl = manager.Url;
        await manager.Context.CloseAsync();

        var ni = await _portal.SignedInPageAsync("ni@demo.verivius.test");
        await ni.GotoAsync(challengeUrl);
        await ni.GetByLabel("Accept the answer").FillAsync("Seen at the October visit");
        await ni.GetByRole(AriaRole.Button, new() { Name = "Accept and close" }).ClickAsync();

        await Assertions.Expect(ni.GetByRole(AriaRole.Status)).ToContainTextAsync("Your decision is recorded");
        await Assertions.Expect(ni.Locator("dd").First).ToHaveTextAsync(new Regex("^Accepted"));
        await Assertions.Expect(ni.GetByRole(AriaRole.Link, new() { Name = "Audit AUD-1" })).ToBeVisibleAsync();
        await ni.Context.CloseAsync();
    }
}
