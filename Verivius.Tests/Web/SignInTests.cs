using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public class SignInTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SignInTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task SignIn_WithTheRightPassword_LandsOnTheRolesHome_GreetedByName()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        using var home = await session.Client.GetAsync(new Uri("/", UriKind.Relative));
        var (status, body) = await session.GetAsync("/provider");

        Assert.Equal("/provider", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(world.ProviderName, body, StringComparison.Ordinal);
        Assert.Contains($"title=\"Signed in as {world.NominatedIndividual}: your sessions and password\" href=\"/account/sessions\">ni-{world.Tag}</a>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoWithoutSayingWhichPartWasWrong()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = PortalSession.Anonymous(_factory);

        using var wrongPassword = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = world.Admin, ["Password"] = "not the password at all" });
        using var unknownEmail = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = "nobody@test.example", ["Password"] = "not the password at all" });

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("The email address or password is not right.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The email address or password is not right.", await unknownEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = PortalSession.Anonymous(_factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var _ = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = world.RegisteredManager, ["Password"] = $"wrong password {attempt}" });
        }

        using var right = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = world.RegisteredManager, ["Password"] = TestWorlds.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = await PortalSession.SignInAsync(_factory, world.Admin);

        using var signedOut = await session.SubmitAsync("/admin", "/account/logout", []);
        using var after = await session.Client.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected_AndChangesNothing()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = await PortalSession.SignInAsync(_factory, world.Admin);

        using var forged = await session.PostAsync("/admin/sites/new", new Dictionary<string, string>
        {
            ["Code"] = "1-999999991",
            ["Name"] = "Forged site",
            ["ServiceType"] = "CareHome",
        });
        var (_, sites) = await session.GetAsync("/admin/sites");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain("Forged site", sites, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousRequest_IsSentToSignIn()
    {
        using var session = PortalSession.Anonymous(_factory);

        using var response = await session.Client.GetAsync(new Uri("/sites", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://localhost/account/login?ReturnUrl=%2Fsites", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlySecureAndSameSite()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = PortalSession.Anonymous(_factory);

        using var response = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = world.Admin, ["Password"] = TestWorlds.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("verivius.session=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
    }
}
