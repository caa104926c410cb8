using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>The portal as its own process: a file built to crash it is refused, and it goes on serving.</summary>
public sealed class PortalProcessTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"verivius-process-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TestDatabaseFiles.Delete(_database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AWorkbookNested100000Deep_IsRefused_AndThePortalProcessStillAnswers()
    {
        ProviderWorld world;
        using (var preparing = new PreparedPortal(_database))
        {
            world = await TestWorlds.CreateAsync(preparing, sites: 1);
        }

        await using var portal = await PortalProcess.StartAsync(_database);
        using var session = await PortalSession.SignInAsync(
            PortalSession.Over(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = portal.Address, Timeout = TimeSpan.FromMinutes(2) }),
            world.RegisteredManager);
        var site = world.SiteCodes[0];

        using var refused = await session.UploadPackAsync(site, HostileFiles.DeepNesting(100_000, site), fileName: "crash.xlsx");
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var health = await portal.HealthAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("nests its XML more than 32 levels deep", page, StringComparison.Ordinal);
        Assert.False(portal.HasExited, portal.Output);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), health);
    }

    private sealed class PreparedPortal(string database) : PortalFactory(database);
}
