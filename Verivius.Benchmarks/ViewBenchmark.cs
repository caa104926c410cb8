using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Access;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests;
using Verivius.Tests.Support;
using Verivius.Web.Features.Admin.Users;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Provider;

namespace Verivius.Benchmarks;

/// <summary>
/// The provider, site and commissioner views over a generated provider. In process: the provider view's figures
/// computed afresh against the same aggregates in hand-written SQL (the floor). Over HTTP on a real
/// Kestrel port: one request at a time (for the provider view both with its figures recomputed and
/// kept), then load from wrk (16 connections, signed in with a real cookie).
/// </summary>
internal static partial class ViewBenchmark
{
    private const string Password = "a long enough benchmark password";

    public static async Task RunAsync(int sites, int months, int runs, int seconds, bool onPostgreSql)
    {
        using PortalFactory factory = onPostgreSql ? new PostgreSqlKestrelPortal() : new KestrelPortal();
        Console.WriteLine($"Views on {(onPostgreSql ? "PostgreSQL (a throwaway local cluster)" : "SQLite (a file)")}, {sites} sites x {months} months");
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);

        await ScaleData.SeedAsync(factory, sites, months, async (mediator, provider) =>
        {
            TestWorlds.Expect(await mediator.Send(new CreateUserCommand("ni@scale.example", null, [Roles.NominatedIndividual], [], provider, Password: Password)));

            // A commissioner of twenty of the sites, as a local authority might be.
            var granted = Enumerable.Range(1, Math.Min(20, sites)).Select(i => $"1-9001{i:00000}").ToList();
            TestWorlds.Expect(await mediator.Send(new CreateUserCommand("commissioner@scale.example", null, [Roles.Commissioner], granted, null, "Scale County Council", Password)));
            await mediator.Send(new RunChallengesCommand(null));
        });

        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        await SignInAsync(client, "ni@scale.example");
        var commissionerCookies = new CookieContainer();
        using var commissioner = new HttpClient(new HttpClientHandler { CookieContainer = commissionerCookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        await SignInAsync(commissioner, "commissioner@scale.example");
        await FloorAsync(factory, onPostgreSql ? ((PostgreSqlPortal)factory).ConnectionString : factory.ConnectionString, onPostgreSql, runs);
        var site = "1-900100001";
        foreach (var (name, path, recompute, user, jar) in new[]
        {
            ("Provider view, figures recomputed", "/provider", true, client, cookies),
            ("Provider view, figures kept", "/provider", false, client, cookies),
            ("Site view", $"/sites/{site}", false, client, cookies),
            ("Commissioner view, 20 sites", "/commissioner", false, commissioner, commissionerCookies),
        })
        {
            var times = new List<double>();
            for (var run = 0; run < runs + 3; run++)
            {
                if (recompute)
                {
                    DataGeneration.Advance();
                }

                var request = Stopwatch.StartNew();
                using var response = await user.GetAsync(new Uri(path, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
                }

                if (run >= 3)
                {
                    times.Add(request.Elapsed.TotalMilliseconds);
                }
            }

            Figures.Report($"{name}, one request at a time (ms)", times);
            if (!recompute)
            {
                Wrk(baseUrl + path, jar.GetCookieHeader(new Uri(baseUrl)), seconds, name);
            }
        }
    }

    /// <summary>The provider view's figures computed by the portal's own queries, against the same aggregates in hand-written SQL.</summary>
    private static async Task FloorAsync(PortalFactory factory, string connectionString, bool onPostgreSql, int runs)
    {
        Guid providerId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            providerId = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Sites.OrderBy(s => s.Code).Select(s => s.ProviderId).FirstAsync();
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var portal = new List<double>();
        var floor = new List<double>();
        var floorRows = 0;
        for (var run = 0; run < runs + 2; run++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var timer = Stopwatch.StartNew();
            await GetProviderHomeHandler.LoadAsync(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>(), providerId, today, month, CancellationToken.None);
            var portalMs = timer.Elapsed.TotalMilliseconds;
            timer.Restart();
            floorRows = SqlFloor.Run(connectionString, onPostgreSql, providerId, today, 90);
            var floorMs = timer.Elapsed.TotalMilliseconds;
            if (run >= 2)
            {
                portal.Add(portalMs);
                floor.Add(floorMs);
            }
        }

        Figures.Report("Provider view figures, the portal's queries (ms)", portal);
        Figures.Report($"Provider view figures, hand-written SQL floor, {floorRows:N0} rows (ms)", floor);
        // Figures.Report sorted both; the median is taken as it takes it.
        static double Median(List<double> sorted) => sorted[(int)Math.Ceiling(0.5 * sorted.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio of medians, portal to floor: {Median(portal) / Median(floor):F2}"));
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = Token().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var signedIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email} could not sign in.");
        }
    }

    /// <summary>Load from wrk (Debian's package; apt-get install wrk), reporting p50, p95, p99 and errors through a small script.</summary>
    private static void Wrk(string url, string cookie, int seconds, string name)
    {
        var script = Path.Combine(Path.GetTempPath(), "verivius-wrk.lua");
        File.WriteAllText(script, """
            done = function(summary, latency, requests)
              local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
              io.write(string.format("requests %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d\n",
                summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
            end
            """);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", "-c16", $"-d{seconds}s", "-s", script, "-H", $"Cookie: {cookie}", url })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var wrk = Process.Start(start)!;
            var output = wrk.StandardOutput.ReadToEnd();
            wrk.WaitForExit();
            Console.WriteLine($"{name} under wrk, 16 connections, {seconds} s: {output.Split('\n').LastOrDefault(l => l.StartsWith("requests", StringComparison.Ordinal))}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("wrk is not installed (apt-get install wrk): the load figures are left out.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Development: plain HTTP on loopback, as wrk reaches it; no demo data.</summary>
    private sealed class KestrelPortal : PortalFactory
    {
        protected override string EnvironmentName => "Development";

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "1000" };
    }

    /// <summary>The same on a new database of the test run's PostgreSQL cluster.</summary>
    private sealed class PostgreSqlKestrelPortal : PostgreSqlPortal
    {
        protected override string EnvironmentName => "Development";

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Security:LoginAttemptsPerMinute"] = "1000" };
    }
}
