using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Common;
using Verivius.Web.Features.Admin.ApiTokens;
using Verivius.Web.Features.Admin.Providers;
using Verivius.Web.Features.Admin.Sites;
using Verivius.Web.Features.Admin.Users;
using Verivius.Web.Features.Packs;
using Verivius.Web.Features.Scale;
using Verivius.Web.Security;

namespace Verivius.Tests;

/// <summary>
/// Builds a provider with sites and one user per role through the portal's own commands, as an
/// operator would; every name and code is fresh, so tests sharing a database never collide.
/// </summary>
public static class TestWorlds
{
    public const string Password = "a long enough test password";

    /// <param name="reportingFrom">The first month the sites owe a pack for; without it, this month, as for any site added today.</param>
    public static async Task<ProviderWorld> CreateAsync(PortalFactory factory, int sites = 3, DateOnly? reportingFrom = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var provider = $"Provider {tag}";
        var codes = Enumerable.Range(0, sites).Select(_ => NewSiteCode()).ToList();
        var month = reportingFrom?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "";
        var csv = "SiteCode,Name,ServiceType,ReportingFrom\n" + string.Join("\n", codes.Select((code, i) => $"{code},Site {i + 1} of {tag},CareHome,{month}"));
        await AsOperatorAsync(factory, async mediator =>
        {
            Expect(await mediator.Send(new CreateProviderCommand(provider)));
            Expect(await mediator.Send(new ImportSitesCommand(csv, provider)));
            foreach (var (role, email, siteCodes) in new (string, string, string[])[]
            {
                (Roles.ProviderAdmin, $"admin-{tag}@test.example", []),
                (Roles.NominatedIndividual, $"ni-{tag}@test.example", []),
                (Roles.RegisteredManager, $"rm-{tag}@test.example", [codes[0]]),
                (Roles.Commissioner, $"commissioner-{tag}@test.example", [codes[^1]]),
            })
            {
                Expect(await mediator.Send(new CreateUserCommand(email, null, [role], siteCodes, provider, Password: Password)));
            }
        });
        return new ProviderWorld(tag, provider, codes);
    }

    /// <summary>A fresh provider whose first site has the default pack imported by its registered manager.</summary>
    public static async Task<(ProviderWorld World, string Site)> WithImportedPackAsync(PortalFactory factory)
    {
        var world = await CreateAsync(factory, sites: 1);
        var result = await ImportPackAsync(factory, world.RegisteredManager, world.SiteCodes[0], new PackWorkbook(world.SiteCodes[0]).Build());
        return result.Status == PackImportStatus.Imported
            ? (world, world.SiteCodes[0])
            : throw new InvalidOperationException("The default pack was refused: " + string.Join("; ", result.Errors));
    }

    /// <summary>Imports a pack through the portal's own handler, as the named person.</summary>
    public static Task<PackImportResult> ImportPackAsync(PortalFactory factory, string email, string site, byte[] workbook, params PackFile[] attachments) =>
        ImportPackAsync(factory, email, new ImportPackCommand(site, new PackFile("pack.xlsx", workbook), attachments));

    /// <summary>Sends the import command as the named person, in a fresh scope.</summary>
    public static async Task<PackImportResult> ImportPackAsync(PortalFactory factory, string email, ImportPackCommand command)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(userId, email);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Issues an API token as the world's provider admin, through the admin's own command, and returns its secret.</summary>
    public static Task<string> IssueApiTokenAsync(PortalFactory factory, ProviderWorld world, string name, ApiPermissions permissions, params string[] siteCodes) =>
        IssueApiTokenAsync(factory, world.Admin, name, permissions, siteCodes);

    /// <summary>Issues an API token as the named provider admin and returns its secret.</summary>
    public static async Task<string> IssueApiTokenAsync(PortalFactory factory, string adminEmail, string name, ApiPermissions permissions, params string[] siteCodes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var adminId = await db.Users.Where(u => u.Email == adminEmail).Select(u => u.Id).SingleAsync();
        var siteIds = await db.Sites.Where(s => siteCodes.Contains(s.Code)).Select(s => s.Id).ToListAsync();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(adminId, adminEmail);
        var form = new ApiTokenForm
        {
            Name = name,
            SiteIds = siteIds,
            Permissions = [.. new[] { ApiPermissions.SendPacks, ApiPermissions.ReadRecovery }.Where(p => permissions.HasFlag(p))],
            ExpiresOn = TestClock.Today.AddDays(30),
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueApiTokenCommand(form));
        Expect(outcome);
        return outcome.Value!.Secret;
    }

    public static string NewSiteCode() => "1-" + Random.Shared.NextInt64(100_000_000, 999_999_999);

    /// <summary>Runs commands with an operator's authority in a fresh scope of the portal's container.</summary>
    public static async Task AsOperatorAsync(PortalFactory factory, Func<IMediator, Task> run)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
        await run(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    /// <summary>Generates a provider of <paramref name="sites"/> sites with <paramref name="months"/> months of records each, as the scale verb does.</summary>
    public static Task GenerateSitesAsync(PortalFactory factory, int sites, int months, int seed) =>
        AsOperatorAsync(factory, async mediator => Expect(await mediator.Send(new SeedScaleCommand(sites, months, seed))));

    public static void Expect(Outcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }
    }
}

/// <summary>A provider made for one test: its sites' codes and its users' emails (all with <see cref="TestWorlds.Password"/>).</summary>
public sealed record ProviderWorld(string Tag, string ProviderName, IReadOnlyList<string> SiteCodes)
{
    public string Admin => $"admin-{Tag}@test.example";

    public string NominatedIndividual => $"ni-{Tag}@test.example";

    /// <summary>Manages the first site only.</summary>
    public string RegisteredManager => $"rm-{Tag}@test.example";

    /// <summary>Granted the last site only.</summary>
    public string Commissioner => $"commissioner-{Tag}@test.example";

    public string SiteName(int index) => $"Site {index + 1} of {Tag}";
}
