using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>
/// The commissioner's view: the recovery position of the sites granted to them, from every provider
/// that granted one, and nothing else — no other site, no staff, no record references, no challenges.
/// </summary>
public class CommissionerViewTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public CommissionerViewTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task TheCommissioner_SeesTheRecoveryPositionOfTheirSite_AndNothingOfAnyOther()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        var granted = world.SiteCodes[1];
        var other = world.SiteCodes[0];
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, granted, new PackWorkbook(granted).Build());
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, other, new PackWorkbook(other)
            .Set("Recovery", 2, "Risk", "Medication errors on the dementia unit").Build());
        var stranger = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        var (status, page) = await commissioner.GetAsync("/commissioner");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(world.SiteName(1), page, StringComparison.Ordinal);
        Assert.Contains("Falls at night", page, StringComparison.Ordinal);
        Assert.Contains("Improving", page, StringComparison.Ordinal);
        Assert.Contains("6 Nov 2026", page, StringComparison.Ordinal);
        Assert.Contains("1 of 1 risk improving or resolved; 0 still fragile.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.SiteName(0), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Medication errors on the dementia unit", page, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger.SiteName(0), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommissionersPage_CarriesNoStaffNoRecordReferencesAndNoChallenges()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, site, new PackWorkbook(site).Build());
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        var (_, page) = await commissioner.GetAsync("/commissioner");

        Assert.Contains("Falls at night", page, StringComparison.Ordinal);
        foreach (var personal in new[] { "Deputy manager", "ST-01", "ACT-1", "INC-1", "Incidents:INC-1", "ACT-OVERDUE", "challenge" })
        {
            Assert.DoesNotContain(personal, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AProviderWithoutARecoveryMap_AndACommissionerWithNoSites_EachGetAnEmptyStateThatSaysWhy()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        var (_, page) = await commissioner.GetAsync("/commissioner");
        var (_, filtered) = await commissioner.GetAsync("/commissioner?filter=nothing-like-this");

        Assert.Contains("The provider has not shared a recovery map for this site yet.", page, StringComparison.Ordinal);
        Assert.Contains("No shared site matches", filtered, StringComparison.Ordinal);
        Assert.Contains("Recovery updates sent to you", page, StringComparison.Ordinal);
    }
}
