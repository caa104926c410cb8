using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Verivius.Tests.Support;

namespace Verivius.Tests.E2E;

/// <summary>
/// The portal on a real Kestrel port with the demo data, and Debian's Chromium driven by Playwright.
/// Development environment: plain HTTP on loopback, as a developer runs it.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    private readonly KestrelPortal _portal = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public PortalFactory Factory => _portal;

    public async Task InitializeAsync()
    {
        _portal.UseKestrel(0);
        _portal.StartServer();
        BaseUrl = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <param name="bypassCsp">Only to inject axe-core for accessibility checks; every other test runs under the portal's policy.</param>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB", BypassCSP = bypassCsp });

        // Generous for a loaded two-core CI machine; a healthy page answers in well under a second.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a demo user, on the home page their role lands on.</summary>
    public async Task<IPage> SignedInPageAsync(string email, bool bypassCsp = false)
    {
        var page = await NewPageAsync(bypassCsp);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArrivedAtAsync(new Regex("^(?!.*/account/login)"));
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _portal.DisposeAsync();
    }

    /// <summary>Debian's Chromium (test.sh installs it); CHROMIUM_PATH points elsewhere if needed.</summary>
    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private sealed class KestrelPortal : PortalFactory
    {
        protected override string EnvironmentName => "Development";

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = DemoPassword,

            // The browser tests upload their own packs; the demo's months would make theirs later versions.
            ["Demo:Months"] = "0",
        };
    }

    public const string DemoPassword = "verivius-demo-password";
}
