using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Security;

namespace Verivius.Tests.Web;

/// <summary>A provider admin issues a token on the portal, sees it once, finds it listed with its last use, and revokes it.</summary>
public partial class ApiTokenAdministrationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ApiTokenAdministrationTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AnIssuedToken_IsShownOnce_StoredOnlyAsItsHash_AndListedWithItsLastUse()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var siteId = SiteId().Match((await admin.GetAsync("/admin/api-tokens/new")).Body).Groups[1].Value;

        using var issued = await admin.SubmitAsync("/admin/api-tokens/new", "/admin/api-tokens/new", new()
        {
            ["Name"] = "Care planning system",
            ["Permissions"] = "ReadRecovery",
            ["SiteIds"] = siteId,
            ["ExpiresOn"] = TestClock.Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var page = await issued.Content.ReadAsStringAsync();
        var secret = Secret().Match(page).Value;
        var (_, beforeUse) = await admin.GetAsync("/admin/api-tokens");
        using var system = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var call = await system.GetAsync(new Uri($"/api/v1/sites/{world.SiteCodes[0]}/recovery", UriKind.Relative));
        var (_, afterUse) = await admin.GetAsync("/admin/api-tokens");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.StartsWith("vrv_", secret, StringComparison.Ordinal);
        Assert.Contains("It is not shown again", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.DoesNotContain(secret, beforeUse, StringComparison.Ordinal);
        Assert.Contains($"<code>{secret[..10]}…</code>", beforeUse, StringComparison.Ordinal);
        Assert.Matches(@"Care planning system</td>(?s:(?!</tr>).)*<td>Never</td>", beforeUse);
        Assert.DoesNotMatch(@"Care planning system</td>(?s:(?!</tr>).)*<td>Never</td>", afterUse);
        Assert.Equal(ApiTokenAuthentication.HashOf(secret), await StoredHashAsync("Care planning system"));
    }

    [Fact]
    public async Task ARefusedForm_NamesEachProblem_KeepsWhatWasTyped_AndIssuesNothing()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);

        using var refused = await admin.SubmitAsync("/admin/api-tokens/new", "/admin/api-tokens/new", new()
        {
            ["Name"] = "Rostering feed",
            ["ExpiresOn"] = TestClock.Today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Choose at least one site the token may reach.", page, StringComparison.Ordinal);
        Assert.Contains("Choose what the token may do", page, StringComparison.Ordinal);
        Assert.Contains("Enter an expiry date after today and no later than", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Rostering feed\"", page, StringComparison.Ordinal);
        Assert.Null(await StoredHashAsync("Rostering feed"));
    }

    private async Task<string?> StoredHashAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().ApiTokens.Where(t => t.Name == name).Select(t => t.SecretHash).SingleOrDefaultAsync();
    }

    [GeneratedRegex("name=\"SiteIds\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SiteId();

    [GeneratedRegex("vrv_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();
}
