using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>The site view, the registered manager's home: the site's picture, its figures computed by hand here.</summary>
public class SiteViewTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SiteViewTests(PortalFactory factory) => _factory = factory;

    /// <summary>A manager of two sites still lands on the list (the demo's, in RoleHomeTests).</summary>
    [Fact]
    public async Task ARegisteredManagerOfOneSite_LandsOnThatSite()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var home = await manager.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal($"/sites/{world.SiteCodes[0]}", home.Headers.Location?.ToString());
    }

    [Fact]
    public async Task TheSiteView_ShowsTheRecoveryMap_OverdueActions_ChallengesAwaitingAnswer_PacksAndTrends()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (status, page) = await manager.GetAsync($"/sites/{site}?month=2026-10");

        Assert.Equal(HttpStatusCode.OK, status);

        // The default pack: risk R-1 citing incident INC-1 of 1 October; ACT-1 due 30 October and open.
        Assert.Contains($"<a href=\"/sites/{site}/records/recovery/R-1\">Falls at night</a>", page, StringComparison.Ordinal);
        Assert.Contains("1 Oct 2026", page, StringComparison.Ordinal);
        Assert.Contains("Overdue actions (1)", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/sites/{site}/records/actions/ACT-1\">ACT-1</a> Refresh falls care plans, due 30 Oct 2026", page, StringComparison.Ordinal);
        Assert.Contains("ACT-OVERDUE</a>", page, StringComparison.Ordinal);
        Assert.Contains("The newest upload is version 1 of the October 2026 pack", page, StringComparison.Ordinal);

        // Trends for October 2026: 1 incident; 0% of the one action due closed on time; 100% training; 6 of 120 shifts unfilled.
        Assert.Contains("<td>Oct 26</td><td>1</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Oct 26</td><td>0%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Oct 26</td><td>100%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Oct 26</td><td>5%</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Aug 26</td><td>no data</td>", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("<title>Incidents per month</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiteWithNothingYet_SaysWhatToDoNext_AndACommissionerGetsNoDashboard()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        var (_, empty) = await manager.GetAsync($"/sites/{site}");
        var (commissionerStatus, commissioners) = await commissioner.GetAsync($"/sites/{site}");

        Assert.Contains("No pack has been uploaded yet.", empty, StringComparison.Ordinal);
        Assert.Contains("No recovery risks yet.", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, commissionerStatus);
        Assert.DoesNotContain("Overdue actions", commissioners, StringComparison.Ordinal);
        Assert.DoesNotContain("Challenges waiting", commissioners, StringComparison.Ordinal);
    }
}
