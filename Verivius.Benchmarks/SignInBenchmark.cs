using System.Diagnostics;
using Verivius.Tests;
using Verivius.Tests.Support;

namespace Verivius.Benchmarks;

/// <summary>
/// How long the sign-in form takes to answer for a known email and an unknown one: the two must cost
/// the same (one password check each), or the timing tells an attacker which emails have accounts.
/// </summary>
internal static class SignInBenchmark
{
    public static async Task RunAsync(int runs)
    {
        using var factory = new PortalFactory();
        var world = await TestWorlds.CreateAsync(factory, sites: 1);
        using var session = PortalSession.Anonymous(factory);
        var token = await session.TokenFromAsync("/account/login");

        async Task<double> TimeAsync(string email, string password)
        {
            var timer = Stopwatch.StartNew();
            using var response = await session.PostAsync("/account/login", new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            });
            return timer.Elapsed.TotalMilliseconds;
        }

        // Warm the JIT and the hasher before timing.
        await TimeAsync("nobody@test.example", "a wrong password here");
        var unknown = new List<double>();
        var knownWrong = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            unknown.Add(await TimeAsync($"nobody-{run}@test.example", "a wrong password here"));

            // A known account's wrong passwords: the first four checked, then locked (still checked, against nothing).
            knownWrong.Add(await TimeAsync(world.NominatedIndividual, "a wrong password here"));
        }

        Console.WriteLine($"Sign-in answers, {runs} of each, ms (one PBKDF2 check of 210,000 rounds each):");
        Figures.Report("unknown email", unknown);
        Figures.Report("known email, wrong password (locked after 5)", knownWrong);
    }
}
