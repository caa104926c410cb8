using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Frameworks;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Demo;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Hosting;

public static class PortalStartup
{
    /// <summary>
    /// Applies pending migrations (unless turned off), loads the shipped assessment framework, settles
    /// files an interrupted upload left pending, creates the demo data on the first start of an
    /// embedded database, and, for the portal, says what it is doing and then where it listens and
    /// how to sign in.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool announce)
    {
        void Say(string line)
        {
            if (announce)
            {
                Console.WriteLine(line);
            }
        }

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        if (database.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            if (pending > 0)
            {
                Say($"Applying {pending} database migration(s)...");
                await db.Database.MigrateAsync();
            }
        }

        var (kept, removed) = await StorageAudit.SettlePendingAsync(db, scope.ServiceProvider.GetRequiredService<FileStore>(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        if (kept + removed > 0)
        {
            Say($"Files left pending by an interrupted upload: {kept} kept (their records were saved), {removed} removed (theirs were not).");
        }

        if (await ChallengeSubjectRows.WriteMissingAsync(db, CancellationToken.None) is > 0 and var rows)
        {
            Say($"Challenges given their records as rows: {rows}.");
        }

        if (await SiteMonthCounting.CountUncountedAsync(db, CancellationToken.None) is > 0 and var counted)
        {
            Say($"Monthly figures counted from the records of {counted} site(s) that had none.");
        }

        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        if (await ChallengeRollUp.FoldAsync(db, today, CancellationToken.None) is { Count: > 0 } rolledUp)
        {
            // The folded challenges still carry one record's wording; the engine describes each as the site's whole list.
            var summary = await scope.ServiceProvider.GetRequiredService<ChallengeRunner>().RunAsync(rolledUp, today, CancellationToken.None);
            Say($"Challenges of the volume rules folded into one per site and rule at {rolledUp.Count} site(s); {summary}");
        }

        // The shipped assessment frameworks, each unless its version is held already (a newer one loaded since stays current).
        foreach (var shipped in FrameworkFile.Shipped())
        {
            await using var framework = shipped;
            await FrameworkFile.LoadAsync(db, framework, CancellationToken.None);
        }

        if (!announce)
        {
            return;
        }

        var demo = scope.ServiceProvider.GetRequiredService<DemoOptions>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var showLogins = false;
        if (demo.Seed && database.Provider == DatabaseProvider.Sqlite)
        {
            if (await seeder.IsFirstRunAsync(CancellationToken.None))
            {
                Say($"First run: creating the demo provider with {demo.Months} months of packs for its six sites, through the same upload a registered manager uses.");
                await seeder.SeedIfFirstRunAsync(Say, CancellationToken.None);
            }

            showLogins = await seeder.HasDemoProviderAsync(CancellationToken.None);
        }

        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var server = services.GetRequiredService<IServer>();
        lifetime.ApplicationStarted.Register(() => Announce(server, showLogins ? demo.Password : null));
    }

    private static void Announce(IServer server, string? demoPassword)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Verivius is running at " + string.Join(" and ", addresses));
        if (demoPassword is not null)
        {
            Console.WriteLine($"Demo logins (password for each: {demoPassword}):");
            foreach (var login in DemoSeeder.Logins)
            {
                Console.WriteLine($"  {login.Email,-34} {login.Name}, {char.ToLowerInvariant(login.Description[0])}{login.Description[1..]}");
            }
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
