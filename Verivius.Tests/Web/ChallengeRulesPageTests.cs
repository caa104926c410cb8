using System.Text.RegularExpressions;
using Verivius.Domain.Challenges;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>Every challenge links to the rules page at its own rule, and the page explains every code of the catalogue.</summary>
public partial class ChallengeRulesPageTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ChallengeRulesPageTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task EachChallengeLinksToItsRule_AndTheRulesPageExplainsEveryCode_SayingWhichRollUpPerSite()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var (_, register) = await manager.GetAsync($"/sites/{site}/challenges");
        var (_, rules) = await manager.GetAsync("/challenges/rules");
        var challengePages = ChallengeLink().Matches(register).Select(m => m.Groups["path"].Value).Distinct().ToList();

        Assert.NotEmpty(challengePages);
        Assert.Contains("href=\"/challenges/rules\"", register, StringComparison.Ordinal);
        foreach (var path in challengePages)
        {
            var (_, page) = await manager.GetAsync(path);
            var code = RuleCode().Match(page).Groups["code"].Value;
            Assert.Contains($"href=\"/challenges/rules#{code}\"", page, StringComparison.Ordinal);
        }

        foreach (var rule in ChallengeCatalogue.Rules)
        {
            var card = Regex.Match(rules, $"<section[^>]*id=\"{Regex.Escape(rule.Code)}\".*?</section>", RegexOptions.Singleline).Value;
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(rule.Explanation), card, StringComparison.Ordinal);
            Assert.Equal(RolledUpFindings.RollsUp(rule.Code), card.Contains("one per site", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("href=\"(?<path>/sites/[^/\"]+/challenges/[0-9a-f-]{36})\"")]
    private static partial Regex ChallengeLink();

    [GeneratedRegex("Rule (?<code>[A-Z-]+):")]
    private static partial Regex RuleCode();
}
