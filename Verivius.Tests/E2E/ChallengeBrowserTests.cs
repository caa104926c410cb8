using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verivius.Domain.Challenges;

namespace Verivius.Tests.E2E;

[Collection(BrowserTestsRunAlone.Name)]
public class ChallengeBrowserTests : IClassFixture<BrowserPortal>
{
    private const string Site = "1-101000002";

    /// <summary>The site the answering tests work on, with a pack of its own, so that each test stands on its own.</summary>
    private const string AnsweringSite = "1-101000001";

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
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("The challenge engine is checking the site now");

        // The check lands in the background: the page says so until a refresh shows what it found.
        for (var attempt = 0; attempt < 50 && !await manager.Locator("#challenge-check h2", new() { HasTextRegex = new Regex("^Checked$") }).IsVisibleAsync(); attempt++)
        {
            await Task.Delay(200);
            await manager.ReloadAsync();
        }

        await Assertions.Expect(manager.Locator("#challenge-check")).ToContainTextAsync(new Regex(@"checked .*: 1 site\(s\) checked: \d+ challenge\(s\) raised"));

        await manager.GotoAsync($"/sites/{Site}/challenges");
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

    [Fact]
    public async Task AManagerAnswersTwoChallengesAtOnce_PickingTheEvidenceAsTheyType()
    {
        await WithChallengesAsync();
        var manager = await _portal.SignedInPageAsync("rm@demo.verivius.test");
        await manager.GotoAsync($"/sites/{AnsweringSite}/challenges");
        var ticks = manager.Locator("input[name=challengeIds]");
        await ticks.Nth(0).CheckAsync();
        await ticks.Nth(1).CheckAsync();
        var firstAnswered = await ticks.Nth(0).GetAttributeAsync("value");
        await manager.GetByLabel("What the site has done").FillAsync("Weekly action review with the deputy from now on");

        var search = manager.GetByRole(AriaRole.Combobox, new() { Name = "Find a record or attachment to cite" });
        await search.PressSequentiallyAsync("falls care");
        var firstMatch = manager.GetByRole(AriaRole.Listbox, new() { Name = "Matching records" }).GetByRole(AriaRole.Option).First;
        await Assertions.Expect(firstMatch).ToContainTextAsync("Actions:ACT-1");
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        var cited = await manager.GetByLabel("Evidence (optional)").InputValueAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Answer the ticked challenges" }).ClickAsync();

        Assert.Equal("Actions:ACT-1", cited);
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer is recorded on 2 challenges.");
        await manager.GotoAsync($"/sites/{AnsweringSite}/challenges/{firstAnswered}");
        var answer = manager.Locator("li.list-group-item").Last;
        await Assertions.Expect(answer).ToContainTextAsync("Weekly action review with the deputy from now on");
        await Assertions.Expect(answer.GetByRole(AriaRole.Link, new() { Name = "Action ACT-1", Exact = true })).ToBeVisibleAsync();
        await manager.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAnswerRefusedForAReferenceThatNamesNothing_KeepsEverythingTyped()
    {
        await WithChallengesAsync();
        var manager = await _portal.SignedInPageAsync("rm@demo.verivius.test");
        await manager.GotoAsync($"/sites/{AnsweringSite}/challenges");
        await manager.Locator("td a").First.ClickAsync();
        await manager.GetByLabel("What the site has done").FillAsync("Supervision diary restarted; see the audit");
        await manager.GetByLabel("Evidence (optional)").FillAsync("Audits:AUD-NOT-THERE");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();

        await Assertions.Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("\"Audits:AUD-NOT-THERE\" names no record or attachment of this site.");
        await Assertions.Expect(manager.GetByLabel("What the site has done")).ToHaveValueAsync("Supervision diary restarted; see the audit");
        await Assertions.Expect(manager.GetByLabel("Evidence (optional)")).ToHaveValueAsync("Audits:AUD-NOT-THERE");
        await manager.Context.CloseAsync();
    }

    private async Task WithChallengesAsync() =>
        await TestWorlds.ImportPackAsync(_portal.Factory, "rm@demo.verivius.test", AnsweringSite, new PackWorkbook(AnsweringSite).Build());
}
