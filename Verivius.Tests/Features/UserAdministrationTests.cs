using System.Net;
using System.Text.RegularExpressions;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

public partial class UserAdministrationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public UserAdministrationTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task NewUser_WithAnotherProvidersSite_IsRefused_AndNotCreated()
    {
        var ours = await TestWorlds.CreateAsync(_factory, sites: 1);
        var theirs = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, ours.Admin);
        var email = $"sneaky-{ours.Tag}@test.example";

        using var response = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Email"] = email,
            ["Roles"] = "RegisteredManager",
            ["Sites"] = theirs.SiteCodes[0],
        });
        var (_, users) = await admin.GetAsync("/admin/users");

        Assert.Contains($"There is no site {theirs.SiteCodes[0]} in this provider.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(email, users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewUser_WithAnEmailInUse_IsRefused()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);

        using var response = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new() { ["Email"] = world.NominatedIndividual, ["Roles"] = "NominatedIndividual" });

        Assert.Contains("There is already a user with the email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAManager_MovesThemToAnotherSite()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var (_, list) = await admin.GetAsync("/admin/users?filter=rm-" + world.Tag);
        var userId = UserLink().Match(list).Groups[1].Value;

        using var saved = await admin.SubmitAsync($"/admin/users/{userId}", $"/admin/users/{userId}", new()
        {
            ["Email"] = world.RegisteredManager,
            ["Roles"] = "RegisteredManager",
            ["Sites"] = world.SiteCodes[1],
        });
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/sites/{world.SiteCodes[1]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
    }

    [Fact]
    public async Task AnAdmin_CannotRemoveTheirOwnAdminRole_OrDisableThemselves()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var (_, list) = await admin.GetAsync("/admin/users?filter=admin-" + world.Tag);
        var selfId = UserLink().Match(list).Groups[1].Value;

        using var demoted = await admin.SubmitAsync($"/admin/users/{selfId}", $"/admin/users/{selfId}", new() { ["Email"] = world.Admin, ["Roles"] = "NominatedIndividual" });
        using var disabled = await admin.SubmitAsync($"/admin/users/{selfId}/disable", $"/admin/users/{selfId}/disable", []);

        Assert.Contains("You cannot remove your own provider admin role", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).Status);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
    }

    [Fact]
    public async Task UsersList_SortsAndFilters()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);

        var (_, filtered) = await admin.GetAsync("/admin/users?filter=ni-" + world.Tag);
        var (_, page) = await admin.GetAsync("/admin/users?sort=email&descending=true");
        var sorted = page[page.IndexOf("<tbody>", StringComparison.Ordinal)..];

        Assert.Contains(world.NominatedIndividual, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(world.RegisteredManager, filtered, StringComparison.Ordinal);
        Assert.True(
            sorted.IndexOf(world.RegisteredManager, StringComparison.Ordinal) < sorted.IndexOf(world.Admin, StringComparison.Ordinal),
            "Descending by email, rm- comes before admin-.");
    }

    [GeneratedRegex("href=\"/admin/users/([0-9a-f-]{36})\"")]
    private static partial Regex UserLink();
}
