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
    internal const string Password = "a long enough benchmark password";

    public static async Task RunAsync(int sites, int months, int runs, int seconds, bool onPostgreSql)
    {
        using PortalFactory factory = onPostgreSql ? new PostgreSqlKestrelPortal() : new KestrelPortal();
        Console.WriteLine($"Views on {(onPostgreSql ? "PostgreSQL (a throwaway local cluster)" : "SQLite (a file)")}, {sites} sites x {months} months");
        var baseUrl = Start(factory);
        await ScaleData.SeedAsync(factory, sites, months, async (mediator, provider) =>
        {
            await AddViewersAsync(mediator, provider, sites);
            await mediator.Send(new RunChallengesCommand(null));
        });

        var cookies = new CookieContainer();
        using var client = await SignedInAsync(baseUrl, "ni@scale.example", cookies);
        var commissionerCookies = new CookieContainer();
        using var commissioner = await SignedInAsync(baseUrl, "commissioner@scale.example", commissionerCookies);
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
            Figures.Report($"{name}, one request at a time (ms)", await OneAtATimeAsync(user, path, runs, recompute));
            if (!recompute)
            {
                Wrk(baseUrl + path, jar.GetCookieHeader(new Uri(baseUrl)), seconds, name);
            }
        }
    }

    /// <summary>Starts the portal on a free Kestrel port on loopback; returns its address.</summary>
    internal static string Start(PortalFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>The provider's nominated individual, and a commissioner of twenty of the sites, as a local authority might be.</summary>
    internal static async Task AddViewersAsync(Mediator.IMediator mediator, string provider, int sites)
    {
        TestWorlds.Expect(await mediator.Send(new CreateUserCommand("ni@scale.example", null, [Roles.NominatedIndividual], [], provider, Password: Password)));
        var granted = Enumerable.Range(1, Math.Min(20, sites)).Select(i => $"1-9001{i:00000}").ToList();
        TestWorlds.Expect(await mediator.Send(new CreateUserCommand("commissioner@scale.example", null, [Roles.Commissioner], granted, null, "Scale County Council", Password)));
    }

    /// <summary>Times <paramref name="runs"/> requests for a page after three to warm up; with <paramref name="afterSave"/>, each as the first after a save.</summary>
    internal static async Task<List<double>> OneAtATimeAsync(HttpClient user, string path, int runs, bool afterSave)
    {
        var times = new List<double>();
        for (var run = 0; run < runs + 3; run++)
        {
            if (afterSave)
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

        return times;
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio of medians, portal to floor: {Figures.Median(portal) / Figures.Median(floor):F2}"));
    }

    /// <summary>A client holding the cookie of a real sign-in through the login form.</summary>
    internal static async Task<HttpClient> SignedInAsync(string baseUrl, string email, CookieContainer cookies)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = Token().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var signedIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email} could not sign in.");
        }

        return client;
    }

    /// <summary>Load from wrk (Debian's package; apt-get install wrk), printed with p50, p95, p99 and errors; null when wrk is not installed.</summary>
    internal static WrkFigures? Wrk(string url, string cookie, int seconds, string name)
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
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("requests", StringComparison.Ordinal)) ?? "";
            Console.WriteLine($"{name} under wrk, 16 connections, {seconds} s: {line}");
            var figures = WrkLine().Match(line);
            return figures.Success
                ? new WrkFigures(
                    int.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture),
                    double.Parse(figures.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(figures.Groups[4].Value, CultureInfo.InvariantCulture))
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("wrk is not installed (apt-get install wrk): the load figures are left out.");
            return null;
        }
    }

    [GeneratedRegex(@"requests (\d+) +p50 [\d.]+ ms +p95 ([\d.]+) ms +p99 ([\d.]+) ms +errors (\d+)")]
    private static partial Regex WrkLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Development: plain HTTP on loopback, as wrk reaches it; no demo data.</summary>
    internal sealed class KestrelPortal : PortalFactory
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

/// <summary>What wrk measured: requests served, p95 and p99 in milliseconds, and errors.</summary>
internal sealed record WrkFigures(int Requests, double P95, double P99, int Errors);
