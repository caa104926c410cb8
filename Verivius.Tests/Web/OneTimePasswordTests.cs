using System.Net;
using System.Text.RegularExpressions;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>With mail off, a new user or a reset gets a one-time password the admin passes on (with mail on, a link: see PasswordLinkTests).</summary>
public partial class OneTimePasswordTests : IClassFixture<OneTimePasswordTests.MaillessPortal>
{
    private readonly PortalFactory _factory;

    public OneTimePasswordTests(MaillessPortal factory) => _factory = factory;

    [Fact]
    public async Task NewUser_SignsInWithTheOneTimePassword_AndMustChooseTheirOwnBeforeAnythingElse()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var email = $"new-rm-{world.Tag}@test.example";

        using var created = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Email"] = email,
            ["DisplayName"] = "New Manager",
            ["Roles"] = "RegisteredManager",
            ["Sites"] = world.SiteCodes[1],
        });
        var oneTime = OneTimePassword().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        using var person = await PortalSession.SignInAsync(_factory, email, oneTime);
        using var elsewhere = await person.Client.GetAsync(new Uri("/sites", UriKind.Relative));
        using var changed = await person.SubmitAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = oneTime,
            ["NewPassword"] = "my own password that is long",
            ["ConfirmPassword"] = "my own password that is long",
        });
        var (status, sites) = await person.GetAsync("/sites");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore, "A page showing a password must not be cached.");
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", oneTime);
        Assert.Equal("/account/change-password", elsewhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(world.SiteName(1), sites, StringComparison.Ordinal);
        Assert.DoesNotContain(world.SiteName(0), sites, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_RefusesAShortPasswordWithAPlainMessage()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        using var response = await session.SubmitAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = TestWorlds.Password,
            ["NewPassword"] = "short",
            ["ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var (_, users) = await admin.GetAsync("/admin/users?filter=rm-" + world.Tag);
        var userId = UserLink().Match(users).Groups[1].Value;

        using var disabled = await admin.SubmitAsync($"/admin/users/{userId}/disable", $"/admin/users/{userId}/disable", []);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalSession.SignInAsync(_factory, world.RegisteredManager));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
    }

    public sealed class MaillessPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Delivery"] = "Off" };
    }

    [GeneratedRegex("aria-label=\"One-time password\">([^<]+)<")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex("href=\"/admin/users/([0-9a-f-]{36})\"")]
    private static partial Regex UserLink();
}
