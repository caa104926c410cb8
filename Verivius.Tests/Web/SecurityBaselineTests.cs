using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public class SecurityBaselineTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SecurityBaselineTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        using var session = PortalSession.Anonymous(_factory);

        using var response = await session.Client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Https_IsRequiredOutsideDevelopment()
    {
        // HSTS is never sent for localhost, so ask as the portal's public name would be asked.
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portal.example"),
            AllowAutoRedirect = false,
        });

        using var secure = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var plain = await client.GetAsync(new Uri("http://portal.example/account/login"));

        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var session = PortalSession.Anonymous(_factory);

        var (_, html) = await session.GetAsync("/account/login");

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ShowsTheGenericNotFoundPage()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        var (status, body) = await session.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageForAnotherRole_ShowsTheForbiddenPage()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (status, body) = await session.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You do not have access to this", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_SaysOnlyHealthy_WithoutSigningIn()
    {
        using var session = PortalSession.Anonymous(_factory);

        var (status, body) = await session.GetAsync("/health");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, body));
    }

    [Fact]
    public async Task TheAntiforgeryAndTempDataCookies_AreSecureOutsideDevelopment()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var session = PortalSession.Anonymous(_factory);
        using var login = await session.Client.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var signedIn = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = world.Admin, ["Password"] = TestWorlds.Password });
        using var changed = await session.SubmitAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = TestWorlds.Password,
            ["NewPassword"] = "another long enough password",
            ["ConfirmPassword"] = "another long enough password",
        });

        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var tempData = changed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("secure", tempData.ToLowerInvariant(), StringComparison.Ordinal);
    }
}

public class LoginRateLimitTests : IClassFixture<LoginRateLimitTests.StrictFactory>
{
    private readonly StrictFactory _factory;

    public LoginRateLimitTests(StrictFactory factory) => _factory = factory;

    [Fact]
    public async Task ManySignInAttemptsFromOneAddress_AreToldToWait()
    {
        using var session = PortalSession.Anonymous(_factory);
        var token = await session.TokenFromAsync("/account/login");
        var statuses = new List<HttpStatusCode>();

        // The limiter's one-minute windows are not aligned to the first attempt, so a window may turn
        // over once during the run: seven attempts against a limit of three must still meet a refusal.
        for (var attempt = 0; attempt < 7; attempt++)
        {
            using var response = await session.PostAsync("/account/login", new Dictionary<string, string>
            {
                ["Email"] = "someone@test.example",
                ["Password"] = "guess number " + attempt,
                ["__RequestVerificationToken"] = token,
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"Unexpected {status}."));
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 6, "At most two windows' worth of attempts get through.");
    }

    public sealed class StrictFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "3" };
    }
}
