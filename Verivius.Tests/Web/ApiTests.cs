using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>
/// The API for care systems, called over HTTP as a care system would: a token's scope, permissions,
/// expiry and revocation; a pack previewed, imported, refused and re-sent; every call in the change log.
/// </summary>
public class ApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ApiTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task WithoutAValidToken_EveryCallIsRefusedAs401_SayingWhy_AndABrowserSessionIsNoToken()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var anonymous = Client(null);
        using var forged = Client("vrv_not-a-token-this-portal-issued");
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var none = await anonymous.GetAsync(new Uri($"/api/v1/sites/{site}/recovery", UriKind.Relative));
        using var unknown = await forged.PostAsync(new Uri($"/api/v1/sites/{site}/packs", UriKind.Relative), Pack(new PackWorkbook(site).Build()));
        using var cookie = await manager.Client.GetAsync(new Uri($"/api/v1/sites/{site}/recovery", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Authorization: Bearer", (await ProblemAsync(none)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("not one this portal issued", (await ProblemAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
        Assert.Equal(0, await PackVersionsAsync(site));
    }

    [Fact]
    public async Task AnExpiredOrRevokedToken_Is401_WithTheReason()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        var expiring = await TestWorlds.IssueApiTokenAsync(_factory, world, "Expiring system", ApiPermissions.ReadRecovery, site);
        var revoked = await TestWorlds.IssueApiTokenAsync(_factory, world, "Revoked system", ApiPermissions.ReadRecovery, site);
        using var beforeExpiry = await Client(expiring).GetAsync(new Uri($"/api/v1/sites/{site}/recovery", UriKind.Relative));
        await ExpireAsync("Expiring system");
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var revokedId = await TokenIdAsync("Revoked system");
        using var revoke = await admin.SubmitAsync($"/admin/api-tokens/{revokedId}/revoke", $"/admin/api-tokens/{revokedId}/revoke", []);

        using var afterExpiry = await Client(expiring).GetAsync(new Uri($"/api/v1/sites/{site}/recovery", UriKind.Relative));
        using var afterRevoke = await Client(revoked).GetAsync(new Uri($"/api/v1/sites/{site}/recovery", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.StatusCode);
        Assert.Contains("the token \"Expiring system\" expired on", (await ProblemAsync(afterExpiry)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("the token \"Revoked system\" was revoked on", (await ProblemAsync(afterRevoke)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToken_ReachesOnlyItsOwnSites_AndOnlyWithItsPermission()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        var other = await TestWorlds.CreateAsync(_factory, sites: 1);
        var (mine, sibling, foreign) = (world.SiteCodes[0], world.SiteCodes[1], other.SiteCodes[0]);
        var sender = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Sender", ApiPermissions.SendPacks, mine));
        var reader = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Reader", ApiPermissions.ReadRecovery, mine));

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["send to a sibling site"] = (await sender.PostAsync(Api(sibling, "packs?dryRun=false"), Pack(new PackWorkbook(sibling).Build()))).StatusCode,
            ["send to another provider's site"] = (await sender.PostAsync(Api(foreign, "packs?dryRun=false"), Pack(new PackWorkbook(foreign).Build()))).StatusCode,
            ["read a sibling site"] = (await reader.GetAsync(Api(sibling, "recovery"))).StatusCode,
            ["read another provider's site"] = (await reader.GetAsync(Api(foreign, "recovery"))).StatusCode,
            ["read with a send-only token"] = (await sender.GetAsync(Api(mine, "recovery"))).StatusCode,
            ["send with a read-only token"] = (await reader.PostAsync(Api(mine, "packs?dryRun=false"), Pack(new PackWorkbook(mine).Build()))).StatusCode,
            ["read its own site"] = (await reader.GetAsync(Api(mine, "recovery"))).StatusCode,
        };

        Assert.Equal(
            new Dictionary<string, HttpStatusCode>
            {
                ["send to a sibling site"] = HttpStatusCode.NotFound,
                ["send to another provider's site"] = HttpStatusCode.NotFound,
                ["read a sibling site"] = HttpStatusCode.NotFound,
                ["read another provider's site"] = HttpStatusCode.NotFound,
                ["read with a send-only token"] = HttpStatusCode.Forbidden,
                ["send with a read-only token"] = HttpStatusCode.Forbidden,
                ["read its own site"] = HttpStatusCode.OK,
            },
            answers);
        Assert.Equal((0, 0, 0), (await PackVersionsAsync(mine), await PackVersionsAsync(sibling), await PackVersionsAsync(foreign)));
        var notFound = await reader.GetAsync(Api(foreign, "recovery"));
        var body = await notFound.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(other.SiteName(0), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APack_IsPreviewedByDefault_ImportedOnConfirm_AndTheSameWorkbookAgainStoresNothing()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        var system = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Care planning", ApiPermissions.SendPacks, site));
        var workbook = new PackWorkbook(site).Build();

        using var previewed = await system.PostAsync(Api(site, "packs"), Pack(workbook));
        var preview = await JsonAsync(previewed);
        var versionsAfterPreview = await PackVersionsAsync(site);
        using var imported = await system.PostAsync(Api(site, $"packs?dryRun=false&confirmsVersion={preview.GetProperty("confirmsVersion").GetInt32()}"), Pack(workbook));
        var import = await JsonAsync(imported);
        using var again = await system.PostAsync(Api(site, "packs?dryRun=false"), Pack(workbook));
        var repeat = await JsonAsync(again);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Equal(("previewed", 1, 0), (preview.GetProperty("status").GetString(), preview.GetProperty("newVersion").GetInt32(), preview.GetProperty("confirmsVersion").GetInt32()));
        Assert.Contains(preview.GetProperty("changes").EnumerateArray(), sheet => sheet.GetProperty("sheet").GetString() == "Actions" && sheet.GetProperty("added").GetArrayLength() > 0);
        Assert.Equal(0, versionsAfterPreview);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(("imported", 1, "2026-10"), (import.GetProperty("status").GetString(), import.GetProperty("version").GetInt32(), import.GetProperty("period").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(("unchanged", 1), (repeat.GetProperty("status").GetString(), repeat.GetProperty("version").GetInt32()));
        Assert.Equal(1, await PackVersionsAsync(site));
        Assert.Equal("API token \"Care planning\"", await UploaderAsync(site));
    }

    [Fact]
    public async Task ABadWorkbook_Is422_WithEverySheetAndCell_AndARemovalNeedsAllowing()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        var system = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Rostering", ApiPermissions.SendPacks, site));
        var bad = new PackWorkbook(site).Set("Incidents", 2, "Severity", "Sever").Set("Actions", 2, "RaisedOn", "soon");
        var withNurse = new PackWorkbook(site).Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2027-06-01"));

        using var refused = await system.PostAsync(Api(site, "packs?dryRun=false"), Pack(bad.Build()));
        var problem = await ProblemAsync(refused);
        using var first = await system.PostAsync(Api(site, "packs?dryRun=false"), Pack(withNurse.Build()));
        using var dropsTheNurse = await system.PostAsync(Api(site, "packs?dryRun=false&confirmsVersion=1"), Pack(new PackWorkbook(site).Build()));
        var removal = await ProblemAsync(dropsTheNurse);
        using var stale = await system.PostAsync(Api(site, "packs?dryRun=false&confirmsVersion=0&allowRemovals=true"), Pack(new PackWorkbook(site).Build()));
        using var allowed = await system.PostAsync(Api(site, "packs?dryRun=false&confirmsVersion=1&allowRemovals=true"), Pack(new PackWorkbook(site).Build()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal(
            [$"Incidents!{bad.Cell("Incidents", "Severity", 2)}", $"Actions!{bad.Cell("Actions", "RaisedOn", 2)}"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("location").GetString()).Order().Reverse());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dropsTheNurse.StatusCode);
        var error = Assert.Single(removal.GetProperty("errors").EnumerateArray());
        Assert.Equal("Training", error.GetProperty("location").GetString());
        Assert.Contains("ST-02, Fire safety", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(2, await PackVersionsAsync(site));
    }

    [Fact]
    public async Task TheRecoveryPosition_HasTheSiteViewsFigures_AndEveryCallIsInTheChangeLog_UnderTheTokensName()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var system = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Board reporting", ApiPermissions.ReadRecovery | ApiPermissions.SendPacks, site));
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var recovery = await system.GetAsync(Api(site, "recovery?month=2026-10"));
        var position = await JsonAsync(recovery);
        var (_, sitePage) = await manager.GetAsync($"/sites/{site}?month=2026-10");
        using var refused = await system.PostAsync(Api(site, "packs"), new MultipartFormDataContent());
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var (_, tokens) = await admin.GetAsync("/admin/api-tokens");

        Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
        Assert.Equal((site, "2026-10"), (position.GetProperty("siteCode").GetString(), position.GetProperty("month").GetString()));
        var figures = position.GetProperty("figures").EnumerateArray().ToList();
        Assert.True(figures.Count >= 10, $"Only {figures.Count} figures.");
        Assert.All(figures, figure => Assert.Contains(WebUtility.HtmlEncode(figure.GetProperty("value").GetString()!), sitePage, StringComparison.Ordinal));
        Assert.NotEmpty(position.GetProperty("recoveryMap").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (calls, logged) = await CallsAsync("Board reporting");
        Assert.Equal(["GET /api/v1/sites/" + site + "/recovery?month=2026-10 200", "POST /api/v1/sites/" + site + "/packs 400"], calls);
        Assert.Equal(2, logged);
        Assert.Matches(@"<td>Board reporting</td>\s*<td><code>vrv_\S{6}…</code></td>\s*<td>Send packs, Read the recovery position</td>", tokens);
        Assert.DoesNotMatch(@"Board reporting</td>(?s:(?!</tr>).)*Never", tokens);
    }

    [Fact]
    public async Task TheOpenApiDescription_IsServedWithoutAToken_AndDescribesBothCalls()
    {
        using var anonymous = Client(null);

        using var response = await anonymous.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));
        var description = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = description.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/v1/sites/{siteCode}/packs", "/api/v1/sites/{siteCode}/recovery"], paths);
        Assert.Equal("bearer", description.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Value.GetProperty("scheme").GetString());
        var send = description.GetProperty("paths").GetProperty("/api/v1/sites/{siteCode}/packs").GetProperty("post");
        Assert.Contains("dryRun", send.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(send.GetProperty("responses").TryGetProperty("422", out _));
    }

    private HttpClient Client(string? token)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static Uri Api(string site, string path) => new($"/api/v1/sites/{site}/{path}", UriKind.Relative);

    private static MultipartFormDataContent Pack(byte[] workbook) => new()
    {
        { new ByteArrayContent(workbook), "workbook", "october.xlsx" },
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => JsonAsync(response);

    private async Task<int> PackVersionsAsync(string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        return await db.PackVersions.CountAsync(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site)));
    }

    private async Task<string> UploaderAsync(string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        return await db.PackVersions.Where(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site))).Select(v => v.UploadedBy).SingleAsync();
    }

    private async Task<Guid> TokenIdAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().ApiTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Moves the token's expiry into the past, as time itself would.</summary>
    private async Task ExpireAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var past = TestClock.Instance.GetUtcNow().AddMinutes(-1);
        await db.ApiTokens.Where(t => t.Name == name).ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, past));
    }

    /// <summary>The token's calls as recorded ("GET /path 200"), oldest first, and how many change-log entries its name has for them.</summary>
    private async Task<(List<string> Calls, int Logged)> CallsAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var tokenId = await db.ApiTokens.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
        var calls = (await db.ApiCalls.Where(c => c.ApiTokenId == tokenId).ToListAsync()).OrderBy(c => c.At).Select(c => $"{c.Method} {c.Path} {c.Status}").ToList();
        var logged = await db.ChangeLog.CountAsync(e => e.Actor == ApiToken.ActorNameOf(name) && e.Entity == "ApiCalls");
        return (calls, logged);
    }
}
