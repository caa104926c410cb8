using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>
/// A run of the engine says where its time went (reading records, reading registers, the rules, looking ahead, saving),
/// which the <c>challenges</c> benchmark prints for each night: every phase of a run that judged sites took some time,
/// and together no more than the run.
/// </summary>
public class ChallengeRunTimesTests
{
    [Fact]
    public async Task ARunThatJudgesSites_TimesEachPhase_WithinTheRunsOwnTime()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        await TestWorlds.GenerateSitesAsync(factory, 3, 2, 5);
        List<Guid> sites;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            sites = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Sites.Select(s => s.Id).ToListAsync();
        }

        var timer = Stopwatch.StartNew();
        var run = await IncrementalChallengeTests.RunAsync(factory, runner => runner.RunWhereDueAsync(sites, TestClock.Today.AddDays(1), CancellationToken.None));
        var took = timer.Elapsed;

        Assert.Equal(sites.Count, run.Sites - run.Standing);
        var times = run.Times;
        TimeSpan[] phases = [times.ReadingRecords, times.ReadingRegisters, times.Rules, times.LookingAhead, times.Saving];
        Assert.All(phases, phase => Assert.True(phase > TimeSpan.Zero, $"A phase of a run that judged {sites.Count} sites took no time: {times}"));
        Assert.True(phases.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase) <= took, $"The phases ({times}) add up to more than the run ({took}).");
    }
}
