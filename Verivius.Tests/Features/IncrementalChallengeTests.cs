using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;
using Xunit.Abstractions;

namespace Verivius.Tests.Features;

/// <summary>
/// The engine run for today judges again only the sites whose last judgement may not stand. Over a year of
/// simulated days, on the demo and on generated data (<see cref="IncrementalChallengeOnGeneratedDataTests"/>),
/// with people changing records, answering challenges and changing thresholds on some of them (each change followed by
/// the check of its site, as after an upload), a run for every site of the same day — the engine reading every record the
/// sites have kept — must find nothing to change after each day's incremental run, while most sites on most days are left alone.
/// </summary>
public class IncrementalChallengeTests
{
    private const int DaysSimulated = 365;

    private readonly ITestOutputHelper _output;

    public IncrementalChallengeTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task OnTheDemo_AYearOfIncrementalRuns_LeavesTheRegisterAsFullRunsWould()
    {
        using var factory = new DemoFactory();
        factory.CreateClient().Dispose();
        await SimulateAYearAsync(factory, seed: 21, _output);
    }

    internal static async Task SimulateAYearAsync(PortalFactory factory, int seed, ITestOutputHelper output)
    {
        var random = new Random(seed);
        List<Guid> sites;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            sites = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Sites.Where(s => s.IsActive).Select(s => s.Id).ToListAsync();
        }

        int judged = 0, standing = 0, changesMade = 0, moves = 0;
        for (var day = TestClock.Today; day < TestClock.Today.AddDays(DaysSimulated); day = day.AddDays(1))
        {
            if (random.Next(4) == 0 && await ChangeSomethingAsync(factory, sites, day, random) is { } changed)
            {
                // As the portal checks a site after an upload: as of the day, so leaving out its settled records.
                changesMade++;
                var check = await RunAsync(factory, runner => runner.RunAsync([changed], day, CancellationToken.None));
                moves += check.Moves.Count + check.Changed;
            }

            var incremental = await RunAsync(factory, runner => runner.RunWhereDueAsync(sites, day, CancellationToken.None));
            judged += incremental.Sites - incremental.Standing;
            standing += incremental.Standing;
            moves += incremental.Moves.Count + incremental.Changed;

            var full = await FullRunLeftUnsavedAsync(factory, sites, day);
            Assert.True(
                full.Raised + full.Changed + full.Reopened + full.Cleared == 0,
                $"On {day:yyyy-MM-dd}, after the incremental run, a run for every site would still change the register: {full} {string.Join("; ", full.Moves.Select(m => $"{m.Kind} {m.Code}: {m.Finding}"))}");
        }

        output.WriteLine($"{DaysSimulated} days, {sites.Count} sites: {judged} judgements, {standing} left standing, {changesMade} changes by people, {moves} moves in the register.");

        // The comparison means something only if the register moved with the calendar and the changes, and sites were left alone.
        // How many depends on the records: a site with many open actions due on different days changes most days.
        Assert.True(changesMade > 50, $"Only {changesMade} changes were made.");
        Assert.True(moves > 20, $"The register moved only {moves} times in a year.");
        Assert.True(standing * 5 > judged, $"{standing} site-days were left standing against {judged} judged: the engine is not incremental.");
    }

    /// <summary>One change a person might make on the day, at a random site: the kinds of input a judgement reads. Returns the site, if anything changed.</summary>
    private static async Task<Guid?> ChangeSomethingAsync(PortalFactory factory, List<Guid> sites, DateOnly day, Random random)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("simulated person");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var site = sites[random.Next(sites.Count)];
        switch (random.Next(6))
        {
            case 0 when await db.Actions.Where(a => a.SiteId == site && a.Details.Status != ActionStatus.Closed && a.Details.RaisedOn <= day).OrderBy(a => a.Id).FirstOrDefaultAsync() is { } action:
                action.Record(action.Details with { Status = ActionStatus.Closed, ClosedOn = day, Outcome = "Done and checked." }, action.SourceRecord, action.ClosureEvidence);
                break;
            case 1 when await db.Incidents.Where(i => i.SiteId == site && i.Details.CqcNotifiable && i.Details.NotificationSentOn == null && i.Details.OccurredOn <= day).OrderBy(i => i.Id).FirstOrDefaultAsync() is { } incident:
                incident.Record(incident.Details with { NotificationSentOn = day }, incident.ActionId);
                break;
            case 2 when await db.RecoveryRisks.Where(r => r.SiteId == site && r.Details.Trend != RiskTrend.Resolved).OrderBy(r => r.Id).FirstOrDefaultAsync() is { } risk:
                risk.Record(risk.Details with { Trend = random.Next(2) == 0 ? RiskTrend.Resolved : RiskTrend.Worsening, ReviewOn = day.AddDays(random.Next(-30, 30)) }, risk.CurrentActionId);
                break;
            case 3 when await db.Challenges.Where(c => c.SiteId == site && c.Status == ChallengeStatus.Open).OrderBy(c => c.Id).FirstOrDefaultAsync() is { } challenge:
                challenge.Respond("We have looked into it and acted.", [], day);
                break;
            case 4:
                var providerId = await db.Sites.Where(s => s.Id == site).Select(s => s.ProviderId).SingleAsync();
                var settings = await db.ChallengeSettings.SingleOrDefaultAsync(s => s.ProviderId == providerId) ?? db.ChallengeSettings.Add(new ChallengeSettings(providerId)).Entity;
                settings.Change(settings.Thresholds with { ActionOverdueDays = random.Next(7, 28), UnansweredDays = random.Next(7, 21) });
                break;
            default:
                var reference = $"SIM-{day:yyyyMMdd}";
                db.Incidents.Add(new Incident(site, new IncidentDetails(
                    reference, day.AddDays(-random.Next(0, 3)), IncidentCategory.Fall, Severity.Moderate, CqcNotifiable: true, NotificationType.SeriousInjury,
                    NotificationSentOn: null, CandourApplies: true, CandourInPersonOn: null, ApologyGiven: null, CandourWrittenOn: null, ActionRef: null, IncidentStatus.Open, ClosedOn: null)));
                break;
        }

        return await db.SaveChangesAsync() > 0 ? site : null;
    }

    internal static async Task<ChallengeRunSummary> RunAsync(PortalFactory factory, Func<ChallengeRunner, Task<ChallengeRunSummary>> run)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("nightly");
        return await run(scope.ServiceProvider.GetRequiredService<ChallengeRunner>());
    }

    /// <summary>What a run for every site from every record it has kept would change on the day, in a transaction rolled back.</summary>
    internal static async Task<ChallengeRunSummary> FullRunLeftUnsavedAsync(PortalFactory factory, List<Guid> sites, DateOnly day)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("full");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var summary = await scope.ServiceProvider.GetRequiredService<ChallengeRunner>().RunReadingEveryRecordAsync(sites, day, CancellationToken.None);
        await transaction.RollbackAsync();
        return summary;
    }

    private sealed class DemoFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12" };
    }
}

/// <summary>The same year on two generated sites: many open actions due on different days, so the calendar changes their findings most days.</summary>
public class IncrementalChallengeOnGeneratedDataTests
{
    private readonly ITestOutputHelper _output;

    public IncrementalChallengeOnGeneratedDataTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task OnGeneratedData_AYearOfIncrementalRuns_LeavesTheRegisterAsFullRunsWould()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        await TestWorlds.GenerateSitesAsync(factory, 2, 6, 7);
        await IncrementalChallengeTests.SimulateAYearAsync(factory, seed: 5, _output);
    }
}
