using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>Sessions the server holds: ended at once by signing out, a password change, an admin's change, or the person.</summary>
public sealed class SessionRevocationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SessionRevocationTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AfterSignOut_TheOldCookieReplayed_IsRefused()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var (session, cookie) = await SignInWithCookieAsync(world.NominatedIndividual);
        using (session)
        {
            Assert.Equal(HttpStatusCode.OK, await ReplayAsync(cookie, "/provider"));

            using var signedOut = await session.SubmitAsync("/provider", "/account/logout", []);

            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(cookie, "/provider"));
        }
    }

    [Fact]
    public async Task APasswordChange_EndsEveryOtherSessionAtOnce_AndKeepsThisOne()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var laptop = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var phone = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/provider")).Status);

        using var changed = await laptop.SubmitAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = TestWorlds.Password,
            ["NewPassword"] = "a different long password",
            ["ConfirmPassword"] = "a different long password",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/provider")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/provider")).Status);
    }

    [Fact]
    public async Task ThePersonSeesTheirSessions_AndEndsOneOrAll()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var laptop = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var phone = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var tablet = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (status, page) = await laptop.GetAsync("/account/sessions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, SessionIdsIn(page).Count);
        Assert.Contains("this session", page, StringComparison.Ordinal);

        var phoneSession = await LiveSessionIdsAsync(world.RegisteredManager);
        var (_, phonePage) = await phone.GetAsync("/account/sessions");
        var phoneId = SessionIdsIn(phonePage)[0];
        using var ended = await laptop.SubmitAsync("/account/sessions", $"/account/sessions/{phoneId}/end", []);

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
        Assert.Equal(phoneSession.Count - 1, (await LiveSessionIdsAsync(world.RegisteredManager)).Count);

        using var everywhere = await laptop.SubmitAsync("/account/sessions", "/account/sessions/end-all", []);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
        Assert.Empty(await LiveSessionIdsAsync(world.RegisteredManager));
    }

    [Fact]
    public async Task AnAdminDisablingAUser_OrChangingTheirSites_EndsTheirSessionsAtOnce()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var managerId = await UserIdAsync(world.RegisteredManager);
        var niId = await UserIdAsync(world.NominatedIndividual);

        using var moved = await admin.SubmitAsync($"/admin/users/{managerId}", $"/admin/users/{managerId}", new()
        {
            ["Email"] = world.RegisteredManager,
            ["DisplayName"] = "Moved manager",
            ["Roles"] = "RegisteredManager",
            ["Sites"] = world.SiteCodes[1],
        });
        using var disabled = await admin.SubmitAsync($"/admin/users/{niId}/disable", $"/admin/users/{niId}/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/sites/{world.SiteCodes[1]}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ni.GetAsync("/provider")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status);
    }

    private async Task<(PortalSession Session, string Cookie)> SignInWithCookieAsync(string email)
    {
        var session = PortalSession.Anonymous(_factory);
        using var response = await session.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = TestWorlds.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("verivius.session=", StringComparison.Ordinal));
        return (session, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>A request from a client that holds nothing but the given cookie, as an attacker replaying it would.</summary>
    private async Task<HttpStatusCode> ReplayAsync(string cookie, string path)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static List<string> SessionIdsIn(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "/account/sessions/([0-9a-f-]{36})/end").Select(m => m.Groups[1].Value).ToList();

    private async Task<List<Guid>> LiveSessionIdsAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).Select(s => s.Id).ToListAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
